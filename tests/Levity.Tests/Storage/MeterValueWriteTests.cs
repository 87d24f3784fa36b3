using Levity.Storage;

namespace Levity.Tests.Storage;

public sealed class MeterValueWriteTests
{
    private static readonly DateTimeOffset At = TestStore.Epoch;

    [Fact]
    public async Task InsertMeterValues_ConnectorZero_IsStored()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        var result = await store.InsertMeterValuesAsync("CP1", 0, null, TestStore.Samples(At, 1234));

        Assert.Equal(new MeterValuesResult(4, UnknownTransaction: false), result);
        Assert.Equal(4L, database.Count("SELECT COUNT(*) FROM meter_val WHERE cp_id = 'CP1' AND cp_conn_id = 0 AND tx_id IS NULL"));
    }

    [Fact]
    public async Task InsertMeterValues_UnknownTransaction_StoredWithoutTransactionAndFlagged()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        var result = await store.InsertMeterValuesAsync("CP1", 1, 4242, TestStore.Samples(At, 1234));

        Assert.Equal(new MeterValuesResult(4, UnknownTransaction: true), result);
        Assert.Equal(4L, database.Count("SELECT COUNT(*) FROM meter_val WHERE tx_id IS NULL AND cp_conn_id = 1"));
        Assert.Equal(
            new object?[] { "CP1", 1L, 4242L, "UnknownTransaction" },
            database.Rows("SELECT cp_id, conn_id, tx_id, kind FROM anomaly").Single());
    }

    [Fact]
    public async Task InsertMeterValues_OtherChargersTransaction_NotLinkedAndFlagged()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var id = await store.StartTransactionAsync("CP1", new TransactionStart(1, "TAG", 100, At));

        var result = await store.InsertMeterValuesAsync("CP2", 1, id, TestStore.Samples(At, 200));

        Assert.True(result.UnknownTransaction);
        Assert.Equal(0L, database.Count($"SELECT COUNT(*) FROM meter_val WHERE tx_id = {id}"));
        Assert.Equal("ForeignTransaction", database.Scalar("SELECT kind FROM anomaly"));
    }

    [Fact]
    public async Task InsertMeterValues_KnownTransaction_LinkedWithDefaultsApplied()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var id = await store.StartTransactionAsync("CP1", new TransactionStart(2, "TAG", 100, At));

        var result = await store.InsertMeterValuesAsync("CP1", 2, id, [new MeterSample(At.AddSeconds(1), 150.5)]);

        Assert.Equal(new MeterValuesResult(1, UnknownTransaction: false), result);
        Assert.Equal(
            new object?[] { (long)id, "CP1", 2L, "2026-11-21T12:00:01.000000+00:00", "Energy.Active.Import.Register", 150.5, "Wh", "Sample.Periodic", "Outlet", "", "Raw", "2026-11-21 12:00:00" },
            database.Rows("SELECT tx_id, cp_id, cp_conn_id, timestamp, measurand, value, unit, context, location, phase, format, created_at FROM meter_val").Single());
        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM anomaly"));
    }

    [Fact]
    public async Task InsertMeterValues_NonFiniteValue_RejectedBeforeQueueing()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        await Assert.ThrowsAsync<ArgumentException>(
            async () => await store.InsertMeterValuesAsync("CP1", 1, null, [new MeterSample(At, double.NaN)]));

        Assert.Equal(0L, database.Count("SELECT COUNT(*) FROM meter_val"));
    }
}
