using OpenTelemetry.Metrics;

namespace Levity.Silo.Metrics.Exposition;

/// <summary>
/// One Prometheus metric family: its exposed name and type, and the OpenTelemetry streams that
/// feed it (more than one when meters share an instrument name, so that the family is written once).
/// </summary>
internal sealed class MetricFamily(string name, string type, string help)
{
    public string Name { get; } = name;

    /// <summary>counter, gauge or histogram.</summary>
    public string Type { get; } = type;

    public string Help { get; } = help;

    public List<Metric> Streams { get; } = [];

    /// <summary>
    /// The family of an instrument, or null for kinds the text format cannot carry
    /// (exponential histograms, which nothing here configures). Counters end in <c>_total</c>:
    /// appended only when the instrument's name does not already end with it.
    /// </summary>
    public static MetricFamily? For(Metric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var name = PrometheusText.MetricName(metric.Name);
        var help = string.IsNullOrWhiteSpace(metric.Description) ? metric.Name : metric.Description;
        return metric.MetricType switch
        {
            MetricType.LongSum or MetricType.DoubleSum =>
                new MetricFamily(name.EndsWith("_total", StringComparison.Ordinal) ? name : name + "_total", "counter", help),
            MetricType.LongSumNonMonotonic or MetricType.DoubleSumNonMonotonic or MetricType.LongGauge or MetricType.DoubleGauge =>
                new MetricFamily(name, "gauge", help),
            MetricType.Histogram => new MetricFamily(name, "histogram", help),
            _ => null,
        };
    }
}
