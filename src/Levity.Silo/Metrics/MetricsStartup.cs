using Levity.Silo.Metrics.Process;

namespace Levity.Silo.Metrics;

/// <summary>
/// Creates the scraper and the server-level instruments at start, so aggregation begins before
/// the first charger connects rather than at the first scrape.
/// </summary>
internal sealed class MetricsStartup(MetricsScraper scraper, ProcessMetrics process, CentralSystemMetrics central) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(scraper);
        GC.KeepAlive(process);
        GC.KeepAlive(central);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
