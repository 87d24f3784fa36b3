using Levity.Tests.Metrics.Support;

namespace Levity.Tests.Metrics;

/// <summary>The real server's page, after charger traffic, through Prometheus' own parser and linter.</summary>
[Collection(MetricsCollection.Name)]
public sealed class PromtoolTests
{
    [PromtoolFact]
    public async Task CheckMetrics_RealServerPage_NoErrorsAndNoLintOnLevityMetrics()
    {
        await using var server = await MetricsServer.StartAsync();
        await using (var charger = await server.Server.ConnectAsync("CP-PROMTOOL"))
        {
            await charger.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E" });
        }

        var page = await server.ScrapeAsync();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(page);

        // Exit 1 is a parse error. Exit 3 is lint only, accepted solely for three .NET runtime
        // gauges whose own names end in ".count" (e.g. dotnet.assembly.count); everything
        // Levity names itself must lint clean.
        var problems = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exitCode is 0 or 3, $"promtool exited {exitCode}:\n{output}\n---\n{page}");
        Assert.All(problems, p => Assert.StartsWith("dotnet_", p, StringComparison.Ordinal));
        Assert.Equal(exitCode == 0, problems.Length == 0);
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
