using Levity.Silo.Audit.Buffering;

namespace Levity.Silo.Audit.Fluentd;

/// <summary>
/// The OCPP path's side of the Fluentd audit: stamps the event with the time, copies the frame
/// into the bounded buffer and returns. No parsing, no I/O, no allocation; the
/// <see cref="FluentdSender"/> does the rest in the background.
/// </summary>
internal sealed class FluentdAuditSink(AuditBuffer buffer, AuditMetrics metrics, TimeProvider time) : IAuditSink
{
    public void Frame(string chargePointId, AuditDirection direction, ReadOnlySpan<byte> frame)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        var kind = direction == AuditDirection.Received ? AuditEntryKind.FrameReceived : AuditEntryKind.FrameSent;
        Count(buffer.Add(kind, time.GetUtcNow().UtcTicks, chargePointId, null, frame));
    }

    public void Connection(string chargePointId, bool connected, string? remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        var kind = connected ? AuditEntryKind.Connected : AuditEntryKind.Disconnected;
        Count(buffer.Add(kind, time.GetUtcNow().UtcTicks, chargePointId, remoteAddress, []));
    }

    private void Count(int dropped)
    {
        if (dropped > 0)
        {
            metrics.AddDropped(dropped);
        }
    }
}
