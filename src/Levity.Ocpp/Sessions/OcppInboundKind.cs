namespace Levity.Ocpp.Sessions;

/// <summary>What the gateway does with a received frame.</summary>
public enum OcppInboundKind
{
    /// <summary>A valid CALL: hand <see cref="OcppInbound.Request"/> to the charger's grain and answer with a CALLRESULT.</summary>
    Request,

    /// <summary>Send <see cref="OcppInbound.Reply"/> (a CALLERROR) back; nothing else to do.</summary>
    Reply,

    /// <summary>A response that completed (or failed) a server-initiated call.</summary>
    Handled,

    /// <summary>Logged and dropped: nothing to send. The connection stays open.</summary>
    Dropped,
}
