using Levity.Tests.Metrics.Support;

namespace Levity.Tests.Metrics;

/// <summary>The Python Levity's per-charger metrics, from a real charger's traffic through the real server.</summary>
[Collection(MetricsCollection.Name)]
public sealed class ChargePointMetricsTests
{
    [Fact]
    public async Task Scrape_ChargerBootsAndBeats_PerChargerSeries()
    {
        // A name of its own: every metrics server in this test process feeds the same OpenTelemetry streams.
        var id = "CP-" + Guid.NewGuid().ToString("N")[..12];
        var cp = $"{{cp_id=\"{id}\"}}";
        await using var server = await MetricsServer.StartAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        await using var charger = await server.Server.ConnectAsync(id);
        await charger.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E" });
        await charger.CallOkAsync("Heartbeat", new { });
        await charger.CallOkAsync("Heartbeat", new { });
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

        var page = await server.ScrapeAsync();

        Assert.Equal(1, Exposition.Sample(page, "ocpp_cp_connected" + cp));
        Assert.Equal(1, Exposition.Sample(page, "ocpp_cp_boots_total" + cp));
        Assert.InRange(Exposition.Sample(page, "ocpp_cp_last_heartbeat_ts" + cp), before - 0.001, after + 0.001);
        Assert.InRange(Exposition.Sample(page, "ocpp_cp_last_msg_ts" + cp), before - 0.001, after + 0.001);
        Assert.Equal("histogram", Exposition.Type(page, "ocpp_msg_handling_seconds"));
        Assert.Equal(2, Exposition.Sample(page, $"ocpp_msg_handling_seconds_count{{cp_id=\"{id}\",message_type=\"Heartbeat\"}}"));
        Assert.Equal(1, Exposition.Sample(page, $"ocpp_msg_handling_seconds_bucket{{cp_id=\"{id}\",message_type=\"BootNotification\",le=\"+Inf\"}}"));
        Assert.DoesNotContain("ocpp_cp_disconnects_total" + cp, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_ChargerDisconnects_ConnectedZeroAndDisconnectCounted()
    {
        var id = "CP-" + Guid.NewGuid().ToString("N")[..12];
        var cp = $"{{cp_id=\"{id}\"}}";
        await using var server = await MetricsServer.StartAsync();
        await using (var charger = await server.Server.ConnectAsync(id))
        {
            await charger.CallOkAsync("Heartbeat", new { });
        }

        // The gateway reports the close to the grain after the socket is gone: wait for it (guarded).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var page = await server.ScrapeAsync();
        while (!page.Contains($"ocpp_cp_connected{cp} 0\n", StringComparison.Ordinal))
        {
            await Task.Delay(20, timeout.Token);
            page = await server.ScrapeAsync();
        }

        Assert.Equal(1, Exposition.Sample(page, "ocpp_cp_disconnects_total" + cp));
        Assert.DoesNotContain("ocpp_cp_boots_total" + cp, page, StringComparison.Ordinal);
    }
}
