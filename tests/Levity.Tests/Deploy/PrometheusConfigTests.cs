using Levity.Tests.Metrics.Support;

namespace Levity.Tests.Deploy;

/// <summary>The scrape configuration shipped in deploy/prometheus, through Prometheus' own checker.</summary>
public sealed class PrometheusConfigTests
{
    [PromtoolFact]
    public async Task CheckConfig_ShippedScrapeConfig_Valid()
    {
        // deploy/prometheus/prometheus.yml is copied beside the tests by Levity.Tests.csproj.
        var config = Path.Combine(AppContext.BaseDirectory, "deploy", "prometheus", "prometheus.yml");

        var (exitCode, output) = await Promtool.RunAsync("check", "config", config);

        Assert.True(exitCode == 0, $"promtool exited {exitCode}:\n{output}");
    }
}
