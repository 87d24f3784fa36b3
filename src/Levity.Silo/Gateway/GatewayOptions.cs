namespace Levity.Silo.Gateway;

/// <summary>WebSocket front-end settings; derived from the CLI options at start.</summary>
public sealed class GatewayOptions
{
    /// <summary>The only subprotocol Levity speaks.</summary>
    public const string SubProtocol = "ocpp1.6";

    /// <summary>Longest charge point id accepted in the URL (OCPP 1.6 gives chargeBoxIdentity as CiString48).</summary>
    public int MaxChargePointIdLength { get; set; } = 48;

    /// <summary>Interval of WebSocket pings; null disables them (--disable-websocket-ping).</summary>
    public TimeSpan? PingInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A ping unanswered for this long closes the connection.</summary>
    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A charger that sends nothing for this long is disconnected (3x the heartbeat interval).</summary>
    public TimeSpan SilenceLimit { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>Time a closing handshake may take before the socket is aborted.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
