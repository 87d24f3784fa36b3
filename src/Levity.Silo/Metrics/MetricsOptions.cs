namespace Levity.Silo.Metrics;

/// <summary>What /metrics exposes; defaults live only here.</summary>
public sealed class MetricsOptions
{
    /// <summary>Meter names to export; a trailing '*' matches a prefix.</summary>
    public IList<string> Meters { get; } = ["Levity*", "System.Runtime"];

    /// <summary>Most label sets per metric of the Levity* meters (OpenTelemetry's cardinality limit; its default is 2,000).</summary>
    public int MaxSeriesPerMetric { get; set; } = 2_000;

    /// <summary>How long one collection may take (observable callbacks included) before the scrape gives up.</summary>
    public TimeSpan CollectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long /readyz waits for the database write lock before calling it not writable.</summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
