using Levity.Tests.Support;

namespace Levity.Tests.Api;

/// <summary>Firmware and diagnostics status notifications: stored in <c>cp</c>, shown by the API, kept across a restart.</summary>
public sealed class FirmwareStatusTests
{
    [Fact]
    public async Task StatusNotifications_ShownAndStored_SurviveARestart()
    {
        var port = Ports.Free();
        await using var server = await LevityTestServer.StartAsync(configure: o => o.ApiPort = port);
        using var api = new OperatorApiClient(port);
        var sent = DateTimeOffset.UtcNow;
        await using (var cp = await server.ConnectAsync("FW1"))
        {
            await cp.CallOkAsync("FirmwareStatusNotification", new { status = "Downloading" });
            await cp.CallOkAsync("FirmwareStatusNotification", new { status = "Installed" });
            await cp.CallOkAsync("DiagnosticsStatusNotification", new { status = "Uploaded" });

            var live = await api.Get("/api/chargepoints/FW1");
            Assert.Equal(("Installed", "Uploaded"), (live["firmwareStatus"]!.GetValue<string>(), live["diagnosticsStatus"]!.GetValue<string>()));
            Assert.InRange(live["firmwareStatusAt"]!.GetValue<DateTimeOffset>(), sent.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.True(live["diagnosticsStatusAt"]!.GetValue<DateTimeOffset>() >= live["firmwareStatusAt"]!.GetValue<DateTimeOffset>());
        }

        var row = Db.Query(server.DatabasePath, "SELECT firmware_status, firmware_status_at, diagnostics_status, diagnostics_status_at FROM cp WHERE id = 'FW1'").Single();
        Assert.Equal("Installed", row[0]);
        Assert.Equal("Uploaded", row[2]);
        Assert.NotNull(row[1]);
        Assert.NotNull(row[3]);

        await server.StopAsync();
        await server.StartAsync(o => o.ApiPort = port);

        // The charger has not come back: the grain's state is what it loaded from the database.
        var restored = await api.Get("/api/chargepoints/FW1");
        Assert.False(restored["isConnected"]!.GetValue<bool>());
        Assert.Equal(("Installed", "Uploaded"), (restored["firmwareStatus"]!.GetValue<string>(), restored["diagnosticsStatus"]!.GetValue<string>()));
        Assert.Equal(
            DateTimeOffset.Parse((string)row[1]!, System.Globalization.CultureInfo.InvariantCulture),
            restored["firmwareStatusAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task SignedFirmwareStatusNotification_UpdatesTheFirmwareStatus()
    {
        var port = Ports.Free();
        await using var server = await LevityTestServer.StartAsync(configure: o => o.ApiPort = port);
        using var api = new OperatorApiClient(port);
        await using var cp = await server.ConnectAsync("FW2");
        await cp.CallOkAsync("FirmwareStatusNotification", new { status = "Downloaded" });

        await cp.CallOkAsync("SignedFirmwareStatusNotification", new { status = "InvalidSignature", requestId = 7 });

        Assert.Equal("InvalidSignature", (await api.Get("/api/chargepoints/FW2"))["firmwareStatus"]!.GetValue<string>());
        Assert.Equal("InvalidSignature", Db.Scalar(server.DatabasePath, "SELECT firmware_status FROM cp WHERE id = 'FW2'"));
    }
}
