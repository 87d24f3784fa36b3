using Levity.Storage;

namespace Levity.Tests.Storage;

/// <summary>A copy of the Python Levity's database opens, continues, and its billing SQL still works.</summary>
public sealed class PythonCompatibilityTests
{
    private const string EnergyPerCharger =
        "SELECT cp_id, SUM(energy_delivered) FROM tx WHERE status = 'Completed' GROUP BY cp_id ORDER BY cp_id";

    private const string ReadingsPerTransaction = """
        SELECT tx.id, tx.id_tag, COUNT(meter_val.id), MAX(meter_val.value)
        FROM tx JOIN meter_val ON meter_val.tx_id = tx.id
        WHERE meter_val.measurand = 'Energy.Active.Import.Register'
        GROUP BY tx.id ORDER BY tx.id
        """;

    private const string TransactionsPerConnector = """
        SELECT cp_conn.cp_id, cp_conn.conn_id, COUNT(tx.id), SUM(tx.energy_delivered)
        FROM tx JOIN cp_conn ON cp_conn.id = tx.cp_conn_id
        GROUP BY cp_conn.id ORDER BY cp_conn.cp_id
        """;

    private const string TransactionsInPeriod =
        "SELECT COUNT(*) FROM tx WHERE start_time >= '2026-11-21T11:41:40' AND start_time < '2026-11-22'";

    private static readonly DateTimeOffset Later = new(2026, 11, 21, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task StartTransaction_OnPythonDatabase_GetsIdAboveHighestExisting()
    {
        using var database = TestDatabase.PythonSample();
        await using var store = await TestStore.StartAsync(database.Path);

        var id = await store.StartTransactionAsync("GRZ00009", new TransactionStart(1, "NEW", 0, Later));

        Assert.Equal(7, id);
    }

    [Fact]
    public async Task LoadChargePoint_OnPythonDatabase_OpenTransactionsWithLastEnergy()
    {
        using var database = TestDatabase.PythonSample();
        await using var store = await TestStore.StartAsync(database.Path);

        var snapshot = await store.LoadChargePointAsync("GRZ00000");

        Assert.NotNull(snapshot);
        Assert.True(snapshot.ChargePoint.IsConnected);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 11, 41, 37, TimeSpan.Zero).AddTicks(8881170), snapshot.ChargePoint.LastBootAt);
        var connector = Assert.Single(snapshot.Connectors);
        Assert.Equal((1, "Charging"), (connector.ConnectorId, connector.Status));
        var open = Assert.Single(snapshot.OpenTransactions);
        Assert.Equal((6, 1, "TAGGRZ00000", 29120L, true), (open.Transaction.Id, open.Transaction.ConnectorId, open.Transaction.IdTag, open.Transaction.MeterStart, open.Transaction.IsActive));
        Assert.Equal(29720, open.LastEnergy!.WattHours);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 11, 41, 45, 824, TimeSpan.Zero), open.LastEnergy.Timestamp);
    }

    [Fact]
    public async Task BillingQueries_AfterMigrationAndNewData_ReturnOldResultsPlusNew()
    {
        using var database = TestDatabase.PythonSample();
        var energyBefore = database.Rows(EnergyPerCharger);
        var readingsBefore = database.Rows(ReadingsPerTransaction);
        var connectorsBefore = database.Rows(TransactionsPerConnector);
        var periodBefore = database.Count(TransactionsInPeriod);

        await using (var store = await TestStore.StartAsync(database.Path))
        {
            Assert.Equal(energyBefore, database.Rows(EnergyPerCharger));
            Assert.Equal(readingsBefore, database.Rows(ReadingsPerTransaction));
            Assert.Equal(connectorsBefore, database.Rows(TransactionsPerConnector));

            // The charger stops the transaction it started under the Python version, then charges again.
            await store.InsertMeterValuesAsync("GRZ00000", 1, 6, [TestStore.Energy(Later, 30000)]);
            var stopped = await store.StopTransactionAsync("GRZ00000", new TransactionStop(6, 30120, Later, "Local"));
            Assert.Equal(new StopTransactionResult(StopTransactionOutcome.Stopped, 1000), stopped);
            var id = await store.StartTransactionAsync("GRZ00000", new TransactionStart(1, "TAGGRZ00000", 30120, Later.AddMinutes(1)));
            await store.StopTransactionAsync("GRZ00000", new TransactionStop(id, 30620, Later.AddMinutes(30), "Local", TransactionData: [TestStore.Energy(Later.AddMinutes(30), 30620)]));
        }

        Assert.Equal(
            [["GRZ00000", 2500L], ["GRZ00001", 1000L], ["GRZ00002", 1000L]],
            database.Rows(EnergyPerCharger));
        var readings = database.Rows(ReadingsPerTransaction);
        Assert.Equal(readingsBefore.Where(r => (long)r[0]! != 6), readings.Where(r => (long)r[0]! is not 6 and not 7));
        Assert.Equal(new object?[] { 6L, "TAGGRZ00000", 7L, 30000.0 }, readings.Single(r => (long)r[0]! == 6));
        Assert.Equal(new object?[] { 7L, "TAGGRZ00000", 1L, 30620.0 }, readings.Single(r => (long)r[0]! == 7));
        Assert.Equal(new object?[] { "GRZ00000", 1L, 3L, 2500L }, database.Rows(TransactionsPerConnector)[0]);
        Assert.Equal(periodBefore + 1, database.Count(TransactionsInPeriod));
    }
}
