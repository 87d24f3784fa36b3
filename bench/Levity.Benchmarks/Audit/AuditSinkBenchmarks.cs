using System.Text;
using BenchmarkDotNet.Attributes;
using Levity.Silo.Audit;
using Levity.Silo.Audit.Buffering;
using Levity.Silo.Audit.Fluentd;
using Levity.Silo.Audit.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Levity.Benchmarks.Audit;

/// <summary>
/// What the audit costs per OCPP frame. On the OCPP path: <see cref="FluentdSinkFrame"/> (stamp,
/// copy into the ring; a consumer takes it back out so the ring never fills) against the no-op
/// sink. On the sender: <see cref="EncodeMeterValuesRecord"/> (parse the frame, convert its JSON
/// to MessagePack, build the record). Target: no allocation on the OCPP path.
/// <c>dotnet run -c Release --project bench/Levity.Benchmarks -- --filter '*AuditSink*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class AuditSinkBenchmarks
{
    private static readonly byte[] MeterValues = Encoding.UTF8.GetBytes(
        """[2,"a1b2c3d4-0000-4000-8000-000000000001","MeterValues",{"connectorId":1,"transactionId":1234,"meterValue":[{"timestamp":"2026-11-01T12:30:00.000Z","sampledValue":[{"value":"12345.6","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","unit":"Wh"},{"value":"31.8","context":"Sample.Periodic","measurand":"Current.Import","phase":"L1","unit":"A"},{"value":"239.4","context":"Sample.Periodic","measurand":"Voltage","phase":"L1","unit":"V"},{"value":"7612","context":"Sample.Periodic","measurand":"Power.Active.Import","unit":"W"}]}]}]""");

    private ServiceProvider _services = null!;
    private AuditBuffer _buffer = null!;
    private FluentdAuditSink _sink = null!;
    private AuditRecordEncoder _encoder = null!;
    private byte[] _taken = new byte[1024];

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _buffer = new AuditBuffer(4 * 1024 * 1024, 32 * 1024);
        var metrics = new AuditMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), _buffer);
        _sink = new FluentdAuditSink(_buffer, metrics, TimeProvider.System);
        _encoder = new AuditRecordEncoder(null, NullLogger.Instance);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public void NullSinkFrame() => NullAuditSink.Instance.Frame("GRZ-1", AuditDirection.Received, MeterValues);

    [Benchmark]
    public bool FluentdSinkFrame()
    {
        _sink.Frame("GRZ-1", AuditDirection.Received, MeterValues);
        return _buffer.TryTake(out _, ref _taken);
    }

    [Benchmark]
    public int EncodeMeterValuesRecord()
    {
        // Completes synchronously: only a StopTransaction whose start was not seen reads the store.
        var encoding = _encoder.EncodeAsync(new AuditEntry(AuditEntryKind.FrameReceived, 0, "GRZ-1", null, MeterValues.Length), MeterValues, CancellationToken.None);
        return encoding.IsCompletedSuccessfully ? encoding.Result : throw new InvalidOperationException("encoding went asynchronous");
    }
}
