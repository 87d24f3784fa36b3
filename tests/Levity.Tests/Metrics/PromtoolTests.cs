using Levity.Tests.Metrics.Support;

namespace Levity.Tests.Metrics;

/// <summary>The real server's page, after charger traffic, through Prometheus' own parser and linter.</summary>
[Collection(MetricsCollection.Name)]
public sealed class PromtoolTests
{
    [PromtoolFact]
    public async Task CheckMetrics_RealServerPage_ExitsZeroWithoutLint()
    {
        await using var server = await MetricsServer.StartAsync();
        await using (var charger = await server.Server.ConnectAsync("CP-PROMTOOL"))
        {
            await charger.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E" });
            await charger.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Charging" });
            var tx = (await charger.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "H7", meterStart = 0, timestamp = "2026-11-01T00:00:00Z" }))["transactionId"]!.GetValue<int>();
            await charger.CallOkAsync("MeterValues", new { connectorId = 1, transactionId = tx, meterValue = new[] { new { timestamp = "2026-11-01T00:01:00Z", sampledValue = new[] { new { value = "12.5", measurand = "Current.Import", unit = "A" } } } } });
            await charger.CallOkAsync("Heartbeat", new { });
        }

        var page = await server.ScrapeAsync();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(page);

        // Exit 1 is a parse error, 3 a lint finding: the whole page, .NET runtime metrics included, lints clean.
        Assert.True(exitCode == 0 && output.Trim().Length == 0, $"promtool exited {exitCode}:\n{output}\n---\n{page}");
    }

    [PromtoolFact]
    public async Task CheckMetrics_SerializerEdgeCases_Accepted()
    {
        using var harness = new ScrapeHarness();
        harness.Meter.CreateCounter<long>("levity_edge_total", description: "quote \" backslash \\ newline \n end")
            .Add(1, new KeyValuePair<string, object?>("cp_id", "a\\b\"c\nd"));
        harness.Meter.CreateObservableGauge("levity_edge_special", () => new[]
        {
            new System.Diagnostics.Metrics.Measurement<double>(double.NaN, new KeyValuePair<string, object?>("v", "nan")),
            new System.Diagnostics.Metrics.Measurement<double>(double.PositiveInfinity, new KeyValuePair<string, object?>("v", "inf")),
            new System.Diagnostics.Metrics.Measurement<double>(1e-7, new KeyValuePair<string, object?>("v", "small")),
        });
        harness.Meter.CreateHistogram<double>("levity_edge_seconds").Record(0.3, new KeyValuePair<string, object?>("cp_id", "x"));

        var page = await harness.ScrapeAsync();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(page);

        Assert.True(exitCode == 0, $"promtool exited {exitCode}:\n{output}\n---\n{page}");
    }
}
