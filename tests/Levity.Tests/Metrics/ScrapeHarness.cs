using System.Diagnostics.Metrics;
using System.Text;
using Levity.Silo.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Levity.Tests.Metrics;

/// <summary>A meter with a name of its own and a scraper that exports only it, so parallel tests never see each other's instruments.</summary>
internal sealed class ScrapeHarness : IDisposable
{
    private readonly MetricsScraper _scraper;

    public ScrapeHarness(int? maxSeriesPerMetric = null)
    {
        var name = "Levity.Tests.Metrics." + Guid.NewGuid().ToString("N");
        Meter = new Meter(name);
        var options = new MetricsOptions();
        options.Meters.Clear();
        options.Meters.Add(name);
        options.MaxSeriesPerMetric = maxSeriesPerMetric ?? options.MaxSeriesPerMetric;
        _scraper = new MetricsScraper(Options.Create(options), NullLogger<MetricsScraper>.Instance);
    }

    public Meter Meter { get; }

    public async Task<string> ScrapeAsync() => Encoding.UTF8.GetString(await _scraper.ScrapeAsync(CancellationToken.None));

    public void Dispose()
    {
        _scraper.Dispose();
        Meter.Dispose();
    }
}
