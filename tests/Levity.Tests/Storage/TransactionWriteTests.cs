using Levity.Storage;

namespace Levity.Tests.Storage;

public sealed class TransactionWriteTests
{
    private static readonly DateTimeOffset At = TestStore.Epoch;

    [Fact]
    public async Task StartTransaction_NewConnector_CreatesRowsAndMirrorsIdIntoTxId()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        var id = await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG1", 1000, At, ReservationId: 5));

        var connectorRow = database.Scalar("SELECT id FROM cp_conn WHERE cp_id = 'CP1' AND conn_id = 1");
        Assert.Equal(
            new object?[] { (long)id, (long)id, "CP1", connectorRow, "TAG1", "2026-11-21T12:00:00.000000+00:00", null, 1000L, null, 0L, "", "Active", 5L },
            database.Rows("SELECT id, tx_id, cp_id, cp_conn_id, id_tag, start_time, stop_time, meter_start, meter_stop, energy_delivered, stop_reason, status, reservation_id FROM tx").Single());
        Assert.Equal("2026-11-21T12:00:00.000000+00:00", database.Scalar("SELECT last_tx_start_at FROM cp"));
    }

    [Fact]
    public async Task StopTransaction_Active_CompletesWithEnergyAndStoresTransactionData()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var id = await store.StartTransactionAsync("CP1", new TransactionStart(2, "TAG1", 1000, At));

        var result = await store.StopTransactionAsync("CP1", new TransactionStop(id, 4500, At.AddHours(1), "EVDisconnected", "TAG2", TestStore.Samples(At.AddHours(1), 4500)));

        Assert.Equal(new StopTransactionResult(StopTransactionOutcome.Stopped, 3500), result);
        Assert.Equal(
            new object?[] { "2026-11-21T13:00:00.000000+00:00", 4500L, 3500L, "EVDisconnected", "Completed", "TAG2" },
            database.Rows($"SELECT stop_time, meter_stop, energy_delivered, stop_reason, status, stop_id_tag FROM tx WHERE id = {id}").Single());
        Assert.Equal(4L, database.Count($"SELECT COUNT(*) FROM meter_val WHERE tx_id = {id} AND cp_conn_id = 2"));
        Assert.Equal("2026-11-21T13:00:00.000000+00:00", database.Scalar("SELECT last_tx_stop_at FROM cp"));
    }

    [Fact]
    public async Task StopTransaction_Repeated_DoesNotDoubleCount()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var id = await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG1", 1000, At));
        var stop = new TransactionStop(id, 4500, At.AddHours(1), "Local", TransactionData: TestStore.Samples(At.AddHours(1), 4500));
        await store.StopTransactionAsync("CP1", stop);
        var before = database.Rows("SELECT * FROM tx");

        var again = await store.StopTransactionAsync("CP1", stop);

        Assert.Equal(new StopTransactionResult(StopTransactionOutcome.AlreadyStopped, 3500), again);
        Assert.Equal(before, database.Rows("SELECT * FROM tx"));
        Assert.Equal(4L, database.Count("SELECT COUNT(*) FROM meter_val"));
        Assert.Equal(3500L, database.Scalar("SELECT SUM(energy_delivered) FROM tx WHERE status = 'Completed'"));
        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM anomaly"));
    }

    [Fact]
    public async Task StopTransaction_RepeatedWithOtherMeterStop_KeepsFirstAndFlagsConflict()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var id = await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG1", 1000, At));
        await store.StopTransactionAsync("CP1", new TransactionStop(id, 4500, At.AddHours(1)));

        var again = await store.StopTransactionAsync("CP1", new TransactionStop(id, 9000, At.AddHours(2)));

        Assert.Equal(StopTransactionOutcome.AlreadyStopped, again.Outcome);
        Assert.Equal(4500L, database.Scalar("SELECT meter_stop FROM tx"));
        Assert.Equal(new object?[] { (long)id, "ConflictingStop" }, database.Rows("SELECT tx_id, kind FROM anomaly").Single());
    }

    [Fact]
    public async Task StopTransaction_Unknown_StoresDataAsAnomaly()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        var result = await store.StopTransactionAsync("CP1", new TransactionStop(777, 4500, At, "Local", "TAG", TestStore.Samples(At, 4500)));

        Assert.Equal(new StopTransactionResult(StopTransactionOutcome.UnknownTransaction, null), result);
        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM tx"));
        Assert.Equal(4L, database.Count("SELECT COUNT(*) FROM meter_val WHERE tx_id IS NULL AND cp_id = 'CP1'"));
        var anomaly = database.Rows("SELECT cp_id, tx_id, kind, detail FROM anomaly").Single();
        Assert.Equal(new object?[] { "CP1", 777L, "UnknownTransaction" }, anomaly.Take(3));
        Assert.Contains("meterStop=4500", (string)anomaly[3]!, StringComparison.Ordinal);
        Assert.Contains("idTag=TAG", (string)anomaly[3]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopTransaction_OtherChargersTransaction_LeavesItOpen()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var id = await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG1", 1000, At));

        var result = await store.StopTransactionAsync("CP2", new TransactionStop(id, 4500, At));

        Assert.Equal(StopTransactionOutcome.UnknownTransaction, result.Outcome);
        Assert.Equal("Active", database.Scalar($"SELECT status FROM tx WHERE id = {id}"));
        Assert.Equal(new object?[] { "CP2", "ForeignTransaction" }, database.Rows("SELECT cp_id, kind FROM anomaly").Single());
    }

    [Fact]
    public async Task StopTransaction_MeterBelowStart_StoresZeroEnergyKeepsReadingsAndFlagsIt()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var id = await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG1", 1000, At));

        var result = await store.StopTransactionAsync("CP1", new TransactionStop(id, 10, At));

        Assert.Equal(new StopTransactionResult(StopTransactionOutcome.Stopped, 0, NegativeEnergy: true), result);
        Assert.Equal(new object?[] { 1000L, 10L, 0L }, database.Rows("SELECT meter_start, meter_stop, energy_delivered FROM tx").Single());
        Assert.Equal("NegativeEnergy", database.Scalar("SELECT kind FROM anomaly"));
    }

    [Fact]
    public async Task CloseOrphan_Active_CompletesAndRecordsEstimate()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var id = await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG1", 1000, At));

        var first = await store.CloseOrphanAsync("CP1", id, 1800, "Other", At.AddHours(3));
        var second = await store.CloseOrphanAsync("CP1", id, 1900, "Other", At.AddHours(4));

        Assert.Equal(new StopTransactionResult(StopTransactionOutcome.Stopped, 800), first);
        Assert.Equal(StopTransactionOutcome.AlreadyStopped, second.Outcome);
        Assert.Equal(
            new object?[] { "Completed", "Other", 1800L, 800L, "2026-11-21T15:00:00.000000+00:00" },
            database.Rows("SELECT status, stop_reason, meter_stop, energy_delivered, stop_time FROM tx").Single());
        Assert.Equal(["OrphanClosed", "ConflictingStop"], database.Rows("SELECT kind FROM anomaly ORDER BY id").Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task StartTransaction_ManyConcurrentWriters_IdsUnique()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        var perWriter = await Task.WhenAll(Enumerable.Range(0, 50).Select(async writer =>
        {
            var ids = new List<int>();
            for (var i = 0; i < 100; i++)
            {
                ids.Add(await store.StartTransactionAsync($"CP{writer}", new TransactionStart(1 + (i % 2), "TAG", i, At)));
            }

            return ids;
        }));

        var all = perWriter.SelectMany(ids => ids).ToList();
        Assert.Equal(5000, all.Distinct().Count());
        Assert.Equal(5000L, database.Count("SELECT COUNT(DISTINCT id) FROM tx"));
        Assert.Equal(all.Order().Select(i => (long)i), database.Rows("SELECT id FROM tx ORDER BY id").Select(r => (long)r[0]!));
        Assert.All(perWriter, ids => Assert.Equal(ids.Order(), ids));
    }

    [Fact]
    public async Task StartTransaction_AfterRestartAndDelete_NeverReusesId()
    {
        using var database = TestDatabase.Empty();
        int last;
        await using (var store = await TestStore.StartAsync(database.Path))
        {
            await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG", 0, At));
            last = await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG", 0, At));
        }

        database.Execute($"DELETE FROM tx WHERE id = {last}");
        await using (var store = await TestStore.StartAsync(database.Path))
        {
            var next = await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG", 0, At));
            Assert.Equal(last + 1, next);
        }
    }

    [Fact]
    public async Task ActiveTransaction_AfterRestart_StillOpenAndStoppable()
    {
        using var database = TestDatabase.Empty();
        int id;
        await using (var store = await TestStore.StartAsync(database.Path))
        {
            id = await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG", 1000, At));
            await store.InsertMeterValuesAsync("CP1", 1, id, TestStore.Samples(At.AddMinutes(1), 1600));
        }

        await using (var store = await TestStore.StartAsync(database.Path))
        {
            var snapshot = await store.LoadChargePointAsync("CP1");
            var open = Assert.Single(snapshot!.OpenTransactions);
            Assert.Equal(id, open.Transaction.Id);
            Assert.Equal(1600, open.LastEnergy!.WattHours);

            var stopped = await store.StopTransactionAsync("CP1", new TransactionStop(id, 2000, At.AddHours(1)));
            Assert.Equal(new StopTransactionResult(StopTransactionOutcome.Stopped, 1000), stopped);
        }
    }
}
