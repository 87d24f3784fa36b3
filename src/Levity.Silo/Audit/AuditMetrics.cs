using System.Diagnostics.Metrics;
using Levity.Silo.Audit.Buffering;

namespace Levity.Silo.Audit;

/// <summary>
/// Audit metrics on the "Levity.Audit" meter. All instruments are observable: the OCPP path only
/// bumps a plain counter when it has to drop a record, and collection reads the totals.
/// <list type="bullet">
/// <item><c>levity_audit_sent_total</c>: records Fluentd took (written, or acknowledged with --fluentd-require-ack).</item>
/// <item><c>levity_audit_dropped_total</c>: records lost: pushed out of the full buffer, or still unsent when the shutdown flush ran out of time.</item>
/// <item><c>levity_audit_connection_failures_total</c>: failed connects and connections lost or timed out.</item>
/// <item><c>levity_audit_buffer_records</c>, <c>levity_audit_buffer_bytes</c>: what waits in the buffer.</item>
/// </list>
/// </summary>
internal sealed class AuditMetrics
{
    public const string MeterName = "Levity.Audit";
    public const string SentCounterName = "levity_audit_sent_total";
    public const string DroppedCounterName = "levity_audit_dropped_total";
    public const string ConnectionFailuresCounterName = "levity_audit_connection_failures_total";
    public const string BufferRecordsGaugeName = "levity_audit_buffer_records";
    public const string BufferBytesGaugeName = "levity_audit_buffer_bytes";

    private long _sent;
    private long _dropped;
    private long _connectionFailures;

    public AuditMetrics(IMeterFactory meterFactory, AuditBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(buffer);
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter(SentCounterName, () => Sent, unit: "{record}", description: "Audit records delivered to Fluentd.");
        meter.CreateObservableCounter(DroppedCounterName, () => Dropped, unit: "{record}", description: "Audit records lost because the buffer was full or the shutdown flush timed out.");
        meter.CreateObservableCounter(ConnectionFailuresCounterName, () => ConnectionFailures, unit: "{failure}", description: "Failed or broken connections to Fluentd.");
        meter.CreateObservableGauge(BufferRecordsGaugeName, () => buffer.Count, unit: "{record}", description: "Audit records waiting to be sent.");
        meter.CreateObservableGauge(BufferBytesGaugeName, () => buffer.Bytes, unit: "By", description: "Frame bytes of the audit records waiting to be sent.");
    }

    public long Sent => Interlocked.Read(ref _sent);

    public long Dropped => Interlocked.Read(ref _dropped);

    public long ConnectionFailures => Interlocked.Read(ref _connectionFailures);

    public void AddSent(int records) => Interlocked.Add(ref _sent, records);

    public void AddDropped(int records) => Interlocked.Add(ref _dropped, records);

    public void AddConnectionFailure() => Interlocked.Increment(ref _connectionFailures);
}
