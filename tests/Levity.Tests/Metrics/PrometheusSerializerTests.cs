namespace Levity.Tests.Metrics;

public sealed class PrometheusSerializerTests
{
    [Fact]
    public async Task Scrape_CounterNamedTotal_KeepsNameWithoutSecondTotal()
    {
        using var harness = new ScrapeHarness();
        var counter = harness.Meter.CreateCounter<long>("ocpp_cp_boots_total", unit: "{boot}", description: "Boots seen");
        counter.Add(3, new KeyValuePair<string, object?>("cp_id", "CP1"));

        var text = await harness.ScrapeAsync();

        Assert.Equal(
            "# HELP ocpp_cp_boots_total Boots seen\n" +
            "# TYPE ocpp_cp_boots_total counter\n" +
            "ocpp_cp_boots_total{cp_id=\"CP1\"} 3\n",
            text);
    }
}
