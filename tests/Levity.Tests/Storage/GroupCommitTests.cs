using System.Diagnostics.Metrics;
using Levity.Storage;

namespace Levity.Tests.Storage;

public sealed class GroupCommitTests
{
    private static readonly DateTimeOffset At = TestStore.Epoch;

    [Fact]
    public async Task Writes_QueuedWhileWriterBusy_CommitInOneBatch()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var gate = new WriterGate();
        var gated = store.Writer.EnqueueAsync(gate, CancellationToken.None);
        gate.WaitUntilEntered();
        var batchesBefore = store.Writer.Batches;

        var writes = Enumerable.Range(0, 500)
            .Select(i => store.InsertMeterValuesAsync($"CP{i % 20}", 1, null, TestStore.Samples(At, i)).AsTask())
            .ToList();
        gate.Release();
        await gated;
        await Task.WhenAll(writes);

        // The gate's batch, then all 500 (MaxBatchSize 1000) in one more.
        Assert.Equal(batchesBefore + 2, store.Writer.Batches);
        Assert.Equal(2000L, database.Count("SELECT COUNT(*) FROM meter_val"));
    }

    [Fact]
    public async Task Writes_ManyConcurrent_FarFewerCommitsReportedByMetric()
    {
        using var database = TestDatabase.Empty();
        var meterFactory = TestStore.NewMeterFactory();
        await using var store = await TestStore.StartAsync(database.Path, meterFactory: meterFactory);
        var batchSizes = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Meter.Name == "Levity.Storage" && instrument.Name == "levity_store_batch_size")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            lock (batchSizes)
            {
                batchSizes.Add(size);
            }
        });
        listener.Start();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(async producer =>
        {
            for (var i = 0; i < 40; i++)
            {
                await store.InsertMeterValuesAsync($"CP{producer}", 1, null, TestStore.Samples(At, i));
            }
        }));

        lock (batchSizes)
        {
            Assert.Equal(2000, batchSizes.Sum());
            Assert.True(batchSizes.Count * 4 < 2000, $"{batchSizes.Count} commits for 2000 writes");
        }
    }

    [Fact]
    public async Task FailingWrite_InBatch_OnlyItFailsAndItsRowsVanish()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var gate = new WriterGate();
        var gated = store.Writer.EnqueueAsync(gate, CancellationToken.None);
        gate.WaitUntilEntered();
        var batchesBefore = store.Writer.Batches;

        var before = store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG", 0, At)).AsTask();
        var failing = store.Writer.EnqueueAsync(new FailingWrite("GHOST"), CancellationToken.None).AsTask();
        var after = store.InsertMeterValuesAsync("CP1", 1, null, TestStore.Samples(At, 1)).AsTask();
        gate.Release();
        await gated;

        var error = await Assert.ThrowsAsync<StoreWriteException>(() => failing);
        Assert.Contains("NOT NULL", error.InnerException!.Message, StringComparison.Ordinal);
        var id = await before;
        Assert.Equal(4, (await after).Stored);
        Assert.Equal(batchesBefore + 2, store.Writer.Batches);
        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM cp WHERE id = 'GHOST'"));
        Assert.Equal(1L, database.Count($"SELECT COUNT(*) FROM tx WHERE id = {id}"));
        Assert.Equal(4L, database.Count("SELECT COUNT(*) FROM meter_val"));
    }

    [Fact]
    public async Task Writes_ChannelFull_CallersWaitThenComplete()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path, configure: o => o.ChannelCapacity = 4);
        var gate = new WriterGate();
        var gated = store.Writer.EnqueueAsync(gate, CancellationToken.None);
        gate.WaitUntilEntered();

        var queued = Enumerable.Range(0, 4).Select(i => store.RecordHeartbeatAsync("CP1", At.AddSeconds(i)).AsTask()).ToList();
        var waiting = store.RecordHeartbeatAsync("CP1", At.AddSeconds(10)).AsTask();
        using var cancel = new CancellationTokenSource();
        var cancelled = store.RecordHeartbeatAsync("CP2", At, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(waiting.IsCompleted);
        gate.Release();
        await gated;
        await Task.WhenAll(queued);
        await waiting;

        Assert.Equal("2026-11-21T12:00:10.000000+00:00", database.Scalar("SELECT last_heartbeat_at FROM cp WHERE id = 'CP1'"));
        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM cp WHERE id = 'CP2'"));
    }
}
