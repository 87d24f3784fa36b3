using Levity.Storage;

namespace Levity.Tests.Storage;

public sealed class StoreReadTests
{
    private static readonly DateTimeOffset At = TestStore.Epoch;

    [Fact]
    public async Task LoadChargePoint_Unknown_ReturnsNull()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);

        Assert.Null(await store.LoadChargePointAsync("nobody"));
    }

    [Fact]
    public async Task LoadChargePoint_ConnectorsAndOnlyOpenTransactions()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        await store.RecordBootAsync("CP1", new ChargePointIdentity("V", "M", "S"), At);
        await store.RecordStatusAsync("CP1", new ConnectorStatusReport(0, "Available", ConnectorStatusReport.NoError, At));
        await store.RecordStatusAsync("CP1", new ConnectorStatusReport(2, "Charging", ConnectorStatusReport.NoError, At));
        await store.RecordStatusAsync("CP1", new ConnectorStatusReport(1, "Available", ConnectorStatusReport.NoError, At));
        var done = await store.StartTransactionAsync("CP1", new TransactionStart(1, "A", 0, At));
        await store.StopTransactionAsync("CP1", new TransactionStop(done, 10, At));
        var open = await store.StartTransactionAsync("CP1", new TransactionStart(2, "B", 100, At));

        var snapshot = await store.LoadChargePointAsync("CP1");

        Assert.NotNull(snapshot);
        Assert.Equal(("V", "M", "S", "Available"), (snapshot.ChargePoint.Vendor, snapshot.ChargePoint.Model, snapshot.ChargePoint.SerialNumber, snapshot.ChargePoint.Status));
        Assert.Equal([1, 2], snapshot.Connectors.Select(c => c.ConnectorId));
        var only = Assert.Single(snapshot.OpenTransactions);
        Assert.Equal((open, 2, 100L), (only.Transaction.Id, only.Transaction.ConnectorId, only.Transaction.MeterStart));
        Assert.Null(only.LastEnergy);
    }

    [Fact]
    public async Task GetLastMeterReading_NewestTotalOfMeasurand_ConvertsKilowattHours()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var id = await store.StartTransactionAsync("CP1", new TransactionStart(1, "A", 0, At));
        await store.InsertMeterValuesAsync("CP1", 1, id, [new MeterSample(At.AddMinutes(2), 1.5, Unit: "kWh"), new MeterSample(At.AddMinutes(2), 9.9, Unit: "kWh", Phase: "L1")]);
        await store.InsertMeterValuesAsync("CP1", 1, id, [new MeterSample(At.AddMinutes(1), 1.2, Unit: "kWh")]);

        var reading = await store.GetLastMeterReadingAsync(id);

        Assert.NotNull(reading);
        Assert.Equal((At.AddMinutes(2), 1.5, "kWh", 1500.0), (reading.Timestamp!.Value, reading.Value, reading.Unit, reading.WattHours!.Value));
        Assert.Null((await store.GetLastMeterReadingAsync(id, "Current.Import"))?.Value);
    }

    [Fact]
    public async Task GetTransactionAndOpenTransactions_FilterByConnector()
    {
        using var database = TestDatabase.Empty();
        await using var store = await TestStore.StartAsync(database.Path);
        var one = await store.StartTransactionAsync("CP1", new TransactionStart(1, "A", 0, At));
        var two = await store.StartTransactionAsync("CP1", new TransactionStart(2, "B", 0, At));
        await store.StartTransactionAsync("CP2", new TransactionStart(1, "C", 0, At));

        Assert.Equal([one, two], (await store.GetOpenTransactionsAsync("CP1")).Select(t => t.Id));
        Assert.Equal([two], (await store.GetOpenTransactionsAsync("CP1", 2)).Select(t => t.Id));
        var record = await store.GetTransactionAsync(two);
        Assert.Equal(("CP1", 2, "B", (DateTimeOffset?)At), (record!.ChargePointId, record.ConnectorId, record.IdTag, record.StartTime));
        Assert.Null(await store.GetTransactionAsync(999));
    }
}
