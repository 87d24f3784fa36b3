using System.Diagnostics.Metrics;

namespace Levity.Tests.Metrics;

/// <summary>The text serializer through the real OpenTelemetry pipeline: instruments on a meter of the test's own, scraped.</summary>
[Collection(MetricsCollection.Name)]
public sealed class PrometheusSerializerTests
{
    private static readonly KeyValuePair<string, object?> Cp1 = new("cp_id", "CP1");

    [Fact]
    public async Task Scrape_CounterNamedTotal_KeepsNameWithoutSecondTotal()
    {
        using var harness = new ScrapeHarness();
        var counter = harness.Meter.CreateCounter<long>("ocpp_cp_boots_total", unit: "{boot}", description: "Boots seen");
        counter.Add(3, Cp1);

        var text = await harness.ScrapeAsync();

        Assert.Equal(
            "# HELP ocpp_cp_boots_total Boots seen\n" +
            "# TYPE ocpp_cp_boots_total counter\n" +
            "ocpp_cp_boots_total{cp_id=\"CP1\"} 3\n",
            text);
    }

    [Fact]
    public async Task Scrape_CounterWithoutTotal_AppendsTotalAndNoUnit()
    {
        using var harness = new ScrapeHarness();
        harness.Meter.CreateCounter<double>("levity_energy_wh", unit: "Wh", description: "Energy").Add(1.5);

        var text = await harness.ScrapeAsync();

        Assert.Contains("# TYPE levity_energy_wh_total counter\nlevity_energy_wh_total 1.5\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wh_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_LabelValues_EscapesBackslashQuoteAndNewline()
    {
        using var harness = new ScrapeHarness();
        harness.Meter.CreateCounter<long>("levity_odd_total").Add(1, new KeyValuePair<string, object?>("cp_id", "a\\b\"c\nd"));

        var text = await harness.ScrapeAsync();

        Assert.Contains("levity_odd_total{cp_id=\"a\\\\b\\\"c\\nd\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_Help_EscapesBackslashAndNewlineButNotQuote()
    {
        using var harness = new ScrapeHarness();
        harness.Meter.CreateCounter<long>("levity_help_total", description: "line1\nsay \"hi\" C:\\x").Add(1);

        var text = await harness.ScrapeAsync();

        Assert.StartsWith("# HELP levity_help_total line1\\nsay \"hi\" C:\\\\x\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_Histogram_WritesCumulativeBucketsThenInfSumCount()
    {
        using var harness = new ScrapeHarness();
        var histogram = harness.Meter.CreateHistogram("ocpp_msg_handling_seconds", "s", "Handling time", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
        var tags = new[] { Cp1, new KeyValuePair<string, object?>("message_type", "Heartbeat") };
        histogram.Record(0.05, tags);
        histogram.Record(0.5, tags);
        histogram.Record(0.5, tags);
        histogram.Record(7, tags);

        var text = await harness.ScrapeAsync();

        Assert.Equal(
            "# HELP ocpp_msg_handling_seconds Handling time\n" +
            "# TYPE ocpp_msg_handling_seconds histogram\n" +
            "ocpp_msg_handling_seconds_bucket{cp_id=\"CP1\",message_type=\"Heartbeat\",le=\"0.1\"} 1\n" +
            "ocpp_msg_handling_seconds_bucket{cp_id=\"CP1\",message_type=\"Heartbeat\",le=\"1\"} 3\n" +
            "ocpp_msg_handling_seconds_bucket{cp_id=\"CP1\",message_type=\"Heartbeat\",le=\"+Inf\"} 4\n" +
            "ocpp_msg_handling_seconds_sum{cp_id=\"CP1\",message_type=\"Heartbeat\"} 8.05\n" +
            "ocpp_msg_handling_seconds_count{cp_id=\"CP1\",message_type=\"Heartbeat\"} 4\n",
            text);
    }

    [Fact]
    public async Task Scrape_HistogramWithoutLabels_HasOnlyLeLabel()
    {
        using var harness = new ScrapeHarness();
        harness.Meter.CreateHistogram("levity_batch", "{op}", "Batch", tags: null,
            new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2] }).Record(2);

        var text = await harness.ScrapeAsync();

        Assert.Contains("levity_batch_bucket{le=\"1\"} 0\nlevity_batch_bucket{le=\"2\"} 1\nlevity_batch_bucket{le=\"+Inf\"} 1\nlevity_batch_sum 2\nlevity_batch_count 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_GaugeSpecialValues_WritesNaNAndInfinities()
    {
        using var harness = new ScrapeHarness();
        harness.Meter.CreateObservableGauge("levity_special", () => new[]
        {
            new Measurement<double>(double.NaN, new KeyValuePair<string, object?>("v", "nan")),
            new Measurement<double>(double.PositiveInfinity, new KeyValuePair<string, object?>("v", "pinf")),
            new Measurement<double>(double.NegativeInfinity, new KeyValuePair<string, object?>("v", "ninf")),
            new Measurement<double>(1e-7, new KeyValuePair<string, object?>("v", "small")),
        });

        var text = await harness.ScrapeAsync();

        Assert.Contains("levity_special{v=\"nan\"} NaN\n", text, StringComparison.Ordinal);
        Assert.Contains("levity_special{v=\"pinf\"} +Inf\n", text, StringComparison.Ordinal);
        Assert.Contains("levity_special{v=\"ninf\"} -Inf\n", text, StringComparison.Ordinal);
        Assert.Contains("levity_special{v=\"small\"} 1E-07\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_UpDownCounterAndObservableGauge_AreGauges()
    {
        using var harness = new ScrapeHarness();
        var connected = harness.Meter.CreateUpDownCounter<long>("ocpp_cp_connected_total_like");
        connected.Add(2);
        connected.Add(-1);
        harness.Meter.CreateObservableGauge("ocpp_central_up", () => 1);

        var text = await harness.ScrapeAsync();

        Assert.Contains("# TYPE ocpp_cp_connected_total_like gauge\nocpp_cp_connected_total_like 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE ocpp_central_up gauge\nocpp_central_up 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_GaugeNamedCount_NamedByThePluralInstead()
    {
        using var harness = new ScrapeHarness();
        harness.Meter.CreateObservableUpDownCounter("dotnet.assembly.count", () => 102L, "{assembly}");
        harness.Meter.CreateObservableGauge("dotnet.timer.count", () => 6L, "{timer}");
        harness.Meter.CreateObservableCounter("levity_seen_count", () => 3L);

        var text = await harness.ScrapeAsync();

        Assert.Contains("# TYPE dotnet_assemblies gauge\ndotnet_assemblies 102\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_timers gauge\ndotnet_timers 6\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE levity_seen_count_total counter\nlevity_seen_count_total 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_SeveralFamilies_SortedByNameWithSamplesTogether()
    {
        using var harness = new ScrapeHarness();
        var zeta = harness.Meter.CreateCounter<long>("zeta_total");
        var alpha = harness.Meter.CreateCounter<long>("alpha_total");
        zeta.Add(1, new KeyValuePair<string, object?>("cp_id", "A"));
        alpha.Add(1);
        zeta.Add(1, new KeyValuePair<string, object?>("cp_id", "B"));

        var lines = (await harness.ScrapeAsync()).TrimEnd('\n').Split('\n');

        Assert.Equal(
            ["# HELP alpha_total alpha_total", "# TYPE alpha_total counter", "alpha_total 1",
             "# HELP zeta_total zeta_total", "# TYPE zeta_total counter", "zeta_total{cp_id=\"A\"} 1", "zeta_total{cp_id=\"B\"} 1"],
            lines);
    }

    [Fact]
    public async Task Scrape_DottedNamesAndLabels_AreSanitized()
    {
        using var harness = new ScrapeHarness();
        harness.Meter.CreateCounter<long>("dotnet.gc.collections", "{collection}").Add(4, new KeyValuePair<string, object?>("gc.heap.generation", "gen0"));

        var text = await harness.ScrapeAsync();

        Assert.Contains("# TYPE dotnet_gc_collections_total counter\ndotnet_gc_collections_total{gc_heap_generation=\"gen0\"} 4\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_SameNameFromTwoMeters_OneFamily()
    {
        using var harness = new ScrapeHarness();
        using var second = new Meter(harness.Meter.Name, "2.0");
        harness.Meter.CreateCounter<long>("levity_twice_total").Add(1, new KeyValuePair<string, object?>("m", "1"));
        second.CreateCounter<long>("levity_twice_total").Add(1, new KeyValuePair<string, object?>("m", "2"));

        var text = await harness.ScrapeAsync();

        Assert.Single(text.Split('\n'), l => l == "# TYPE levity_twice_total counter");
        Assert.Contains("levity_twice_total{m=\"1\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("levity_twice_total{m=\"2\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_Twice_CountersAreCumulative()
    {
        using var harness = new ScrapeHarness();
        var counter = harness.Meter.CreateCounter<long>("levity_twice_total");
        counter.Add(2);
        await harness.ScrapeAsync();
        counter.Add(3);

        var text = await harness.ScrapeAsync();

        Assert.Contains("levity_twice_total 5\n", text, StringComparison.Ordinal);
    }
}
