using System.Globalization;

using Levity.Tests.Metrics.Support;

namespace Levity.Tests.Metrics;

/// <summary>--metrics-max-series: a site with more chargers than OpenTelemetry's default 2,000 series per metric.</summary>
public sealed class SeriesLimitTests
{
    private const int Chargers = 2_500;

    [Fact]
    public async Task Scrape_MoreChargersThanDefaultLimit_RaisedLimitKeepsEverySeries()
    {
        using var harness = new ScrapeHarness(maxSeriesPerMetric: 5_000);
        Record(harness);

        var page = await harness.ScrapeAsync();

        Assert.Equal(Chargers, CountSeries(page));
        Assert.DoesNotContain("otel_metric_overflow", page, StringComparison.Ordinal);
        Assert.Equal(1, Exposition.Sample(page, "levity_test_messages_total{cp_id=\"CP2499\"}"));
    }

    [Fact]
    public async Task Scrape_MoreChargersThanDefaultLimit_DefaultFoldsTheRestIntoOverflow()
    {
        using var harness = new ScrapeHarness();
        Record(harness);

        var page = await harness.ScrapeAsync();

        Assert.True(CountSeries(page) < Chargers);
        Assert.Contains("otel_metric_overflow=\"true\"", page, StringComparison.Ordinal);
    }

    private static void Record(ScrapeHarness harness)
    {
        var counter = harness.Meter.CreateCounter<long>("levity_test_messages_total");
        for (var i = 0; i < Chargers; i++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("cp_id", "CP" + i.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static int CountSeries(string page) =>
        page.Split('\n').Count(line => line.StartsWith("levity_test_messages_total{cp_id=\"CP", StringComparison.Ordinal));
}
