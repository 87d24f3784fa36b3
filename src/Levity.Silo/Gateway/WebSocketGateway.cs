using System.Net.WebSockets;
using Levity.Silo.Audit;
using Levity.Silo.Security;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Gateway;

/// <summary>
/// The /ws/{chargePointId} endpoint: checks the request before the upgrade (4xx for bad ids,
/// non-WebSocket requests and chargers that fail authentication, which therefore never replace a
/// session), negotiates the subprotocol and runs the session.
/// </summary>
public sealed partial class WebSocketGateway(
    ChargerSessionRegistry registry,
    ChargerSessionServices sessions,
    ChargerAuthenticator authenticator,
    IAuditSink audit,
    IOptions<GatewayOptions> options,
    ILogger<WebSocketGateway> logger)
{
    public const string Route = "/ws/{chargePointId}";

    private readonly GatewayOptions _options = options.Value;

    public async Task HandleAsync(HttpContext context, string chargePointId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ChargePointIds.IsValid(chargePointId, _options.MaxChargePointIdLength))
        {
            Log.RejectedId(logger, Excerpt(chargePointId), context.Connection.RemoteIpAddress?.ToString());
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"invalid charge point id (1-{_options.MaxChargePointIdLength} characters, no spaces or control characters)\n", context.RequestAborted);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            context.Response.Headers.Upgrade = "websocket";
            await context.Response.WriteAsync("WebSocket upgrade required\n", context.RequestAborted);
            return;
        }

        var authentication = await authenticator.AuthenticateAsync(context, chargePointId, context.RequestAborted);
        if (authentication.Failure is { } failure)
        {
            await ChargerRefusal.WriteAsync(context, authentication, failure);
            return;
        }

        var offered = context.WebSockets.WebSocketRequestedProtocols;
        var speaksOcpp16 = offered.Contains(GatewayOptions.SubProtocol, StringComparer.OrdinalIgnoreCase);
        var accept = new WebSocketAcceptContext
        {
            // No offer → no Sec-WebSocket-Protocol header in the answer (RFC 6455 4.2.2); Grizzl-E offers none.
            SubProtocol = speaksOcpp16 ? GatewayOptions.SubProtocol : null,
            KeepAliveInterval = _options.PingInterval ?? TimeSpan.Zero,
            KeepAliveTimeout = _options.PingInterval is null ? Timeout.InfiniteTimeSpan : _options.PongTimeout,
        };
        var remote = context.Connection.RemoteIpAddress is { } ip ? $"{ip}:{context.Connection.RemotePort}" : null;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(accept);

        if (offered.Count > 0 && !speaksOcpp16)
        {
            // OCPP-J: a server that agrees to none of the offered subprotocols completes the
            // handshake without the header and closes at once.
            Log.RejectedSubProtocol(logger, chargePointId, string.Join(",", offered));
            using var timeout = new CancellationTokenSource(_options.CloseTimeout);
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.ProtocolError, "subprotocol ocpp1.6 required", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                socket.Abort();
            }

            return;
        }

        using var session = new ChargerSession(chargePointId, registry.NextGeneration(), remote, accept.SubProtocol, socket, sessions);
        var replaced = registry.Register(session);
        Log.Connected(logger, chargePointId, remote, accept.SubProtocol ?? "(none)", replaced is not null);
        audit.Connection(chargePointId, connected: true, remote);
        if (replaced is not null)
        {
            _ = CloseReplacedAsync(replaced);
        }

        try
        {
            await session.RunAsync();
        }
        finally
        {
            var wasCurrent = registry.Remove(session);
            Log.Disconnected(logger, chargePointId, wasCurrent);
            audit.Connection(chargePointId, connected: false, remote);
        }
    }

    private async Task CloseReplacedAsync(ChargerSession replaced)
    {
        using var timeout = new CancellationTokenSource(_options.CloseTimeout);
        await replaced.CloseAsync(WebSocketCloseStatus.PolicyViolation, "replaced by a new connection", timeout.Token);
    }

    private static string Excerpt(string? value) =>
        value is null ? string.Empty : value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");

    private static partial class Log
    {
        [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Charger {ChargePointId} connected from {RemoteAddress} (subprotocol {SubProtocol}, replaces a session: {Replaces})")]
        public static partial void Connected(ILogger logger, string chargePointId, string? remoteAddress, string subProtocol, bool replaces);

        [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Charger {ChargePointId} disconnected (was current: {WasCurrent})")]
        public static partial void Disconnected(ILogger logger, string chargePointId, bool wasCurrent);

        [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Refused connection with invalid charge point id '{ChargePointId}' from {RemoteAddress}")]
        public static partial void RejectedId(ILogger logger, string chargePointId, string? remoteAddress);

        [LoggerMessage(EventId = 113, Level = LogLevel.Warning, Message = "Charger {ChargePointId} offered only unsupported subprotocols {Offered}; closed")]
        public static partial void RejectedSubProtocol(ILogger logger, string chargePointId, string offered);
    }
}
