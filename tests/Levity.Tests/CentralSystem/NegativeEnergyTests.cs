using Levity.Tests.Support;

namespace Levity.Tests.CentralSystem;

/// <summary>A stop below the start (meter replaced or reset) never subtracts from a bill.</summary>
public sealed class NegativeEnergyTests
{
    [Fact]
    public async Task StopTransaction_MeterStopBelowMeterStart_ZeroEnergyRawReadingsKeptAnomalyRecorded()
    {
        await using var server = await LevityTestServer.StartAsync();
        await using var charger = await server.ConnectAsync("NEG1");
        var tx = (await charger.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "HOUSE7", meterStart = 27_120, timestamp = "2026-11-01T18:00:00Z" }))["transactionId"]!.GetValue<int>();

        var answer = await charger.CallOkAsync("StopTransaction", new { transactionId = tx, meterStop = 0, timestamp = "2026-11-01T20:00:00Z", idTag = "HOUSE7" });

        Assert.Equal("Accepted", answer["idTagInfo"]!["status"]!.GetValue<string>());
        Assert.Equal(0, Db.Long(server.DatabasePath, $"SELECT energy_delivered FROM tx WHERE id = {tx}"));
        Assert.Equal(27_120, Db.Long(server.DatabasePath, $"SELECT meter_start FROM tx WHERE id = {tx}"));
        Assert.Equal(0, Db.Long(server.DatabasePath, $"SELECT meter_stop FROM tx WHERE id = {tx}"));
        Assert.Equal(0, Db.Long(server.DatabasePath, "SELECT COALESCE(SUM(energy_delivered), 0) FROM tx WHERE cp_id = 'NEG1'"));
        Assert.Equal(1, Db.Long(server.DatabasePath, $"SELECT COUNT(*) FROM anomaly WHERE kind = 'NegativeEnergy' AND tx_id = {tx}"));
    }
}
