using System.Diagnostics.Metrics;
using Levity.Silo.Audit;
using Levity.Tests.Audit.Support;

namespace Levity.Tests.Audit;

public sealed class AuditMetricsTests
{
    [Fact]
    public async Task Instruments_OnLevityAuditMeter_ReportTotalsAndBuffer()
    {
        await using var fluentd = ForwardReceiver.Start();
        await using var audit = await SenderHarness.StartAsync(fluentd.Port, o =>
        {
            o.RequireAck = true;
            o.BufferRecords = 2;
        });
        audit.Sink.Frame("CP1", AuditDirection.Received, """[2,"1","Heartbeat",{}]"""u8);
        await fluentd.WaitForAsync(e => e.Count >= 1);

        // A stopped sender leaves what comes next in the buffer: two kept, three pushed out.
        await audit.StopAsync();
        for (var i = 0; i < 5; i++)
        {
            audit.Sink.Connection("CP1", connected: i % 2 == 0, "127.0.0.1:1");
        }

        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AuditMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, audit.MeterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured[instrument.Name] = value);
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => measured[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Equal(1, measured[AuditMetrics.SentCounterName]);
        Assert.Equal(3, measured[AuditMetrics.DroppedCounterName]);
        Assert.Equal(0, measured[AuditMetrics.ConnectionFailuresCounterName]);
        Assert.Equal(2, measured[AuditMetrics.BufferRecordsGaugeName]);
        Assert.Equal(0, measured[AuditMetrics.BufferBytesGaugeName]);
    }
}
