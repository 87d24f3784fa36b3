using Levity.Storage;

namespace Levity.Tests.Storage;

public sealed class CheckpointTests
{
    private static readonly DateTimeOffset At = TestStore.Epoch;

    [Fact]
    public async Task Writer_AutoCheckpoint_RaisedToTheBackstopThreshold()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path, configure: o => o.WriterAutoCheckpointPages = 12_345);

        var settings = await store.Writer.EnqueueAsync(new WriterPragmaProbe(), CancellationToken.None);

        Assert.Equal(12_345L, settings.AutoCheckpoint);
    }

    [Fact]
    public async Task BackgroundCheckpoint_CopiesCommittedRowsIntoTheDatabaseFile()
    {
        using var database = TestDatabase.Empty();
        // The interval is out of reach: only the commit count wakes the checkpointer.
        await using var store = await TestStore.StartAsync(database.Path, configure: o =>
        {
            o.CheckpointInterval = TimeSpan.FromHours(1);
            o.CheckpointAfterCommits = 3;
        });
        var before = store.Checkpointer.Checkpoints;
        var id = await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG", 0, At));
        await store.InsertMeterValuesAsync("CP1", 1, id, TestStore.Samples(At, 100));
        await store.InsertMeterValuesAsync("CP1", 1, id, TestStore.Samples(At.AddMinutes(1), 200));

        await WaitUntilAsync(() => store.Checkpointer.Checkpoints > before);

        // Without its WAL, the main file holds only what a checkpoint copied into it.
        using var image = database.MainFileImage();
        Assert.Equal(8L, image.Count("SELECT COUNT(*) FROM meter_val"));
        Assert.Equal(1L, image.Count($"SELECT COUNT(*) FROM tx WHERE id = {id}"));
    }

    [Fact]
    public async Task BackgroundCheckpoint_NothingCommitted_DoesNotRun()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path, configure: o => o.CheckpointInterval = TimeSpan.FromHours(1));
        await store.RecordContactAsync("CP1", At);
        store.Checkpointer.Request();
        await WaitUntilAsync(() => store.Checkpointer.Checkpoints >= 1);

        var after = store.Checkpointer.Checkpoints;
        store.Checkpointer.Request();
        // A second request with no commit in between is a no-op; a write makes the next one run.
        await store.RecordHeartbeatAsync("CP1", At);
        store.Checkpointer.Request();
        await WaitUntilAsync(() => store.Checkpointer.Checkpoints > after);

        Assert.Equal(after + 1, store.Checkpointer.Checkpoints);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
