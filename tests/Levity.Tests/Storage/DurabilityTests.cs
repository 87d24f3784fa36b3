using Levity.Storage;

namespace Levity.Tests.Storage;

public sealed class DurabilityTests
{
    private static readonly DateTimeOffset At = TestStore.Epoch;

    [Fact]
    public async Task Writer_Connection_FsyncsEveryCommitAndEnforcesForeignKeys()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        var settings = await store.Writer.EnqueueAsync(new WriterPragmaProbe(), CancellationToken.None);

        // synchronous=FULL (2): in WAL mode every COMMIT waits for the WAL fsync.
        Assert.Equal((2L, 1L, "wal"), (settings.Synchronous, settings.ForeignKeys, settings.JournalMode));
    }

    [Fact]
    public async Task AcknowledgedWrites_InFileWhileStoreStillOpen()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var ids = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            var id = await store.StartTransactionAsync($"CP{i}", new TransactionStart(1, "TAG", 0, At));
            await store.InsertMeterValuesAsync($"CP{i}", 1, id, TestStore.Samples(At, 100));
            ids.Add(id);
        }

        var stopped = await store.StopTransactionAsync("CP0", new TransactionStop(ids[0], 500, At.AddHours(1)));

        // The store is neither stopped nor disposed: only what was fsynced at commit is on disk.
        using var image = database.CrashImage();
        Assert.Equal(StopTransactionOutcome.Stopped, stopped.Outcome);
        Assert.Equal(20L, image.Count("SELECT COUNT(*) FROM tx"));
        Assert.Equal(80L, image.Count("SELECT COUNT(*) FROM meter_val"));
        Assert.Equal(500L, image.Scalar($"SELECT energy_delivered FROM tx WHERE id = {ids[0]}"));
    }

    [Fact]
    public async Task StopAsync_WithQueuedWrites_CommitsThemAllThenRefusesMore()
    {
        using var database = TestDatabase.Empty();
        var store = await TestStore.StartAsync(database.Path);
        await using (store)
        {
            var gate = new WriterGate();
            var gated = store.Writer.EnqueueAsync(gate, CancellationToken.None);
            gate.WaitUntilEntered();
            var queued = Enumerable.Range(0, 200)
                .Select(i => store.InsertMeterValuesAsync("CP1", 1, null, TestStore.Samples(At, i)).AsTask())
                .ToList();

            var stopping = store.StopAsync(CancellationToken.None);
            await Assert.ThrowsAsync<StoreWriteException>(async () => await store.RecordHeartbeatAsync("CP1", At));
            gate.Release();
            await stopping;

            await gated;
            await Task.WhenAll(queued);
        }

        Assert.Equal(800L, database.Count("SELECT COUNT(*) FROM meter_val"));
        Assert.False(File.Exists(database.Path + "-wal") && new FileInfo(database.Path + "-wal").Length > 0, "the WAL was not checkpointed on close");
    }

    [Fact]
    public async Task StopAsync_TokenFires_QueuedWritesFailAndAreNotStored()
    {
        using var database = TestDatabase.Empty();
        var store = await TestStore.StartAsync(database.Path);
        await using (store)
        {
            var gate = new WriterGate();
            var gated = store.Writer.EnqueueAsync(gate, CancellationToken.None);
            gate.WaitUntilEntered();
            var queued = Enumerable.Range(0, 50)
                .Select(i => store.StartTransactionAsync($"CP{i}", new TransactionStart(1, "TAG", 0, At)).AsTask())
                .ToList();

            await store.StopAsync(new CancellationToken(canceled: true));
            gate.Release();
            await gated;

            foreach (var write in queued)
            {
                await Assert.ThrowsAsync<StoreWriteException>(() => write);
            }
        }

        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM tx"));
    }

    [Fact]
    public async Task Writes_BeforeStart_Throw()
    {
        using var database = TestDatabase.Empty();
        await using var store = TestStore.Create(database.Path);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.RecordHeartbeatAsync("CP1", At));
    }
}
