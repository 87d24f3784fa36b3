using System.Buffers;
using System.Text.Json;
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

    /// <summary>Operator requests are rare: the record is written as JSON here and converted by the sender like a frame's payload.</summary>
    public void OperatorRequest(OperatorRequestRecord request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "api"u8);
            writer.WriteString("method"u8, request.Method);
            writer.WriteString("path"u8, request.Path);
            writer.WriteString("query"u8, request.Query);
            writer.WriteNumber("status"u8, request.Status);
            writer.WriteNumber("duration_ms"u8, Math.Round(request.DurationMs, 3));
            writer.WriteString("remote_addr"u8, request.RemoteAddress);
            writer.WriteString("cp"u8, request.ChargePointId);
            writer.WriteString("action"u8, request.Action);
            writer.WriteEndObject();
        }

        Count(buffer.Add(AuditEntryKind.OperatorRequest, time.GetUtcNow().UtcTicks, request.ChargePointId ?? string.Empty, request.RemoteAddress, json.WrittenSpan));
    }

    private void Count(int dropped)
    {
        if (dropped > 0)
        {
            metrics.AddDropped(dropped);
        }
    }
}
