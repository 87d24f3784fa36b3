using System.Net.WebSockets;

namespace Levity.Silo.Gateway;

/// <summary>
/// On SIGTERM every session stops taking messages, finishes the ones in flight and closes with
/// 1001 (going away). It starts on ApplicationStopping because Kestrel, the first hosted service
/// to stop, waits for the WebSocket requests to end; StopAsync then awaits the closing so the
/// silo and the store (registered earlier, stopped later) flush only after the last answer.
/// </summary>
public sealed partial class GatewayShutdown(
    ChargerSessionRegistry registry,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayShutdown> logger) : IHostedService
{
    /// <summary>Leaves the rest of the host's 10 s for the store flush.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(7);

    private Task _closing = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() => _closing = CloseAllAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _closing.WaitAsync(cancellationToken);

    private async Task CloseAllAsync()
    {
        var sessions = registry.Sessions.ToArray();
        Log.Closing(logger, sessions.Length);
        using var limit = new CancellationTokenSource(DrainLimit);
        await Task.WhenAll(sessions.Select(s => s.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "server shutting down", limit.Token)));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Shutting down: closing {Count} charger sessions")]
        public static partial void Closing(ILogger logger, int count);
    }
}
