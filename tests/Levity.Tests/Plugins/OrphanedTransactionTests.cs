using Levity.Tests.Support;

namespace Levity.Tests.Plugins;

public sealed class OrphanedTransactionTests : IAsyncLifetime
{
    private LevityTestServer _server = null!;

    public async Task InitializeAsync() => _server = await LevityTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<int> Start(TestCharger cp, int connector, int meterStart, string at) =>
        (await cp.CallOkAsync("StartTransaction", new { connectorId = connector, idTag = "T" + connector, meterStart, timestamp = at }))["transactionId"]!.GetValue<int>();

    private static Task<System.Text.Json.Nodes.JsonObject> Meter(TestCharger cp, int connector, int tx, int wh) =>
        cp.CallOkAsync("MeterValues", new { connectorId = connector, transactionId = tx, meterValue = new[] { new { timestamp = "2026-11-01T00:30:00Z", sampledValue = new[] { new { value = wh.ToString(System.Globalization.CultureInfo.InvariantCulture), measurand = "Energy.Active.Import.Register", unit = "Wh" } } } } });

    [Fact]
    public async Task StartOnSameConnector_ClosesTheOrphan_AtLastReading_ReasonOther_OtherConnectorUntouched()
    {
        await using var cp = await _server.ConnectAsync("ORPH1");
        var orphan = await Start(cp, 1, 1000, "2026-11-01T00:00:00Z");
        await Meter(cp, 1, orphan, 1800);
        var otherConnector = await Start(cp, 2, 5000, "2026-11-01T00:00:00Z");

        var next = await Start(cp, 1, 2000, "2026-11-01T01:00:00Z");

        Assert.NotEqual(orphan, next);
        var row = Db.Query(_server.DatabasePath, $"SELECT status, meter_stop, energy_delivered, stop_reason FROM tx WHERE id = {orphan}").Single();
        Assert.Equal(["Completed", 1800L, 800L, "Other"], row);
        Assert.NotNull(Db.Scalar(_server.DatabasePath, $"SELECT stop_time FROM tx WHERE id = {orphan}"));
        Assert.Equal("Active", Db.Scalar(_server.DatabasePath, $"SELECT status FROM tx WHERE id = {otherConnector}"));
        Assert.Equal("Active", Db.Scalar(_server.DatabasePath, $"SELECT status FROM tx WHERE id = {next}"));
    }

    [Fact]
    public async Task OrphanWithoutReadings_ClosesAtMeterStart_ZeroEnergy()
    {
        await using var cp = await _server.ConnectAsync("ORPH2");
        var orphan = await Start(cp, 1, 7000, "2026-11-01T00:00:00Z");

        await Start(cp, 1, 7100, "2026-11-01T01:00:00Z");

        Assert.Equal(["Completed", 7000L, 0L], Db.Query(_server.DatabasePath, $"SELECT status, meter_stop, energy_delivered FROM tx WHERE id = {orphan}").Single());
    }

    [Fact]
    public async Task RetransmittedStart_IsNotAnOrphan()
    {
        await using var cp = await _server.ConnectAsync("ORPH3");
        var first = await Start(cp, 1, 100, "2026-11-01T00:00:00Z");

        var again = await Start(cp, 1, 100, "2026-11-01T00:00:00Z");

        Assert.Equal(first, again);
        Assert.Equal("Active", Db.Scalar(_server.DatabasePath, $"SELECT status FROM tx WHERE id = {first}"));
    }

    [Fact]
    public async Task Boot_ClosesEveryOpenTransaction_ReasonReboot_EnergyCounted()
    {
        await using var cp = await _server.ConnectAsync("ORPH4");
        var a = await Start(cp, 1, 0, "2026-11-01T00:00:00Z");
        var b = await Start(cp, 2, 10_000, "2026-11-01T00:00:00Z");
        await Meter(cp, 1, a, 400);
        await Meter(cp, 2, b, 10_250);

        await cp.CallOkAsync("BootNotification", new { chargePointVendor = "V", chargePointModel = "M" });

        var rows = Db.Query(_server.DatabasePath, "SELECT status, stop_reason, energy_delivered FROM tx WHERE cp_id = 'ORPH4' ORDER BY id");
        Assert.Equal([["Completed", "Reboot", 400L], ["Completed", "Reboot", 250L]], rows);
        Assert.Equal(650, Db.Long(_server.DatabasePath, "SELECT SUM(energy_delivered) FROM tx WHERE cp_id = 'ORPH4'"));
        Assert.Equal(2, Db.Long(_server.DatabasePath, "SELECT COUNT(*) FROM anomaly WHERE cp_id = 'ORPH4' AND kind = 'OrphanClosed'"));
    }
}
