using System.Text.Json.Nodes;
using Levity.Tests.Metrics.Support;
using Levity.Tests.Support;

namespace Levity.Tests.CentralSystem;

/// <summary>A charger's status and current, as the API and the metrics show them: one truth, live and after a restart.</summary>
[Collection(Metrics.MetricsCollection.Name)]
public sealed class ChargerStatusTests
{
    [Fact]
    public async Task StatusOnConnectorOneOnly_ApiAndMetricAgree_LiveAndAfterRestart()
    {
        var apiPort = Ports.Free();
        var metricsPort = Ports.Free();
        await using var server = await LevityTestServer.StartAsync(configure: o =>
        {
            o.ApiPort = apiPort;
            o.MetricsPort = metricsPort;
        });
        using var http = new HttpClient();
        await using (var charger = await server.ConnectAsync("GRZ1"))
        {
            // A Grizzl-E: connector 1 only, never connector 0.
            await charger.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Available" });

            Assert.Equal("Available", await ApiStatusAsync(http, apiPort, "GRZ1"));
            Assert.Equal(0, await MetricStatusAsync(http, metricsPort, "GRZ1"));

            await charger.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Charging" });
            Assert.Equal("Charging", await ApiStatusAsync(http, apiPort, "GRZ1"));
            Assert.Equal(2, await MetricStatusAsync(http, metricsPort, "GRZ1"));
        }

        await server.StopAsync();
        await server.StartAsync(o =>
        {
            o.ApiPort = apiPort;
            o.MetricsPort = metricsPort;
        });

        Assert.Equal("Charging", await ApiStatusAsync(http, apiPort, "GRZ1"));
        Assert.Equal(2, await MetricStatusAsync(http, metricsPort, "GRZ1"));
    }

    [Fact]
    public async Task StopTransaction_CurrentGaugeFallsToZero()
    {
        await using var server = await MetricsServer.StartAsync();
        await using var charger = await server.Server.ConnectAsync("AMPS1");
        var conn = "{connector_id=\"1\",cp_id=\"AMPS1\"}";
        var tx = (await charger.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "H7", meterStart = 0, timestamp = "2026-11-01T00:00:00Z" }))["transactionId"]!.GetValue<int>();
        await charger.CallOkAsync("MeterValues", new
        {
            connectorId = 1,
            transactionId = tx,
            meterValue = new[] { new { timestamp = "2026-11-01T00:10:00Z", sampledValue = new[] { new { value = "16.5", measurand = "Current.Import", unit = "A" } } } },
        });
        Assert.Equal(16.5, Exposition.Sample(await server.ScrapeAsync(), "ocpp_cp_current_a" + conn));

        await charger.CallOkAsync("StopTransaction", new { transactionId = tx, meterStop = 2_000, timestamp = "2026-11-01T01:00:00Z" });
        await charger.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Available" });

        var after = await server.ScrapeAsync();
        Assert.Equal(0, Exposition.Sample(after, "ocpp_cp_current_a" + conn));
        Assert.Equal(0, Exposition.Sample(after, "ocpp_tx_active" + conn));
    }

    private static async Task<string> ApiStatusAsync(HttpClient http, int port, string id) =>
        JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/api/chargepoints/{id}")))!["status"]!.GetValue<string>();

    private static async Task<double> MetricStatusAsync(HttpClient http, int port, string id) =>
        Exposition.Sample(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics")), $"ocpp_cp_status{{cp_id=\"{id}\"}}");
}
