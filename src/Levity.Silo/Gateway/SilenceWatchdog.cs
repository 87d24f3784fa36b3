using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Gateway;

/// <summary>Disconnects chargers that sent no message for <see cref="GatewayOptions.SilenceLimit"/>.</summary>
public sealed partial class SilenceWatchdog(
    ChargerSessionRegistry registry,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<SilenceWatchdog> logger) : BackgroundService
{
    private readonly GatewayOptions _options = options.Value;

    /// <summary>Checks often enough that a silent charger goes at most ~10% past the limit.</summary>
    public TimeSpan CheckInterval => TimeSpan.FromTicks(Math.Clamp(_options.SilenceLimit.Ticks / 10, TimeSpan.TicksPerMillisecond * 100, TimeSpan.TicksPerSecond * 30));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            CheckOnce();
        }
    }

    /// <summary>One sweep; returns how many sessions it closed.</summary>
    public int CheckOnce()
    {
        var closed = 0;
        foreach (var session in registry.Sessions)
        {
            var silence = session.Silence;
            if (silence > _options.SilenceLimit && session.IsOpen)
            {
                Log.Silent(logger, session.ChargePointId, (long)silence.TotalSeconds);
                closed++;
                _ = CloseAsync(session);
            }
        }

        return closed;
    }

    private async Task CloseAsync(ChargerSession session)
    {
        using var timeout = new CancellationTokenSource(_options.CloseTimeout);
        await session.CloseAsync(WebSocketCloseStatus.PolicyViolation, "no message within 3 heartbeat intervals", timeout.Token);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "Charger {ChargePointId} silent for {Seconds} s; disconnecting")]
        public static partial void Silent(ILogger logger, string chargePointId, long seconds);
    }
}
