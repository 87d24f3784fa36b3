namespace Levity.Silo.Audit;

/// <summary>
/// Receives every OCPP frame and WebSocket connection event for the audit log. Implementations
/// never block, never throw and never wait on the audit destination: they copy what they need
/// and return, so calling them on the message path costs no OCPP latency.
/// </summary>
public interface IAuditSink
{
    /// <summary>
    /// One OCPP-J frame as it went over the wire, valid or not. <paramref name="frame"/> is only
    /// read during the call. The sink reads the action, message type and id from the frame itself.
    /// </summary>
    void Frame(string chargePointId, AuditDirection direction, ReadOnlySpan<byte> frame);

    /// <summary>A charger's WebSocket session started (<paramref name="connected"/>) or ended.</summary>
    void Connection(string chargePointId, bool connected, string? remoteAddress);

    /// <summary>An operator API request was answered (see <see cref="OperatorRequestRecord"/>).</summary>
    void OperatorRequest(OperatorRequestRecord request);
}
