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
    /// appended only when the instrument's name does not already end with it. A gauge never ends
    /// in <c>_count</c>, which Prometheus reserves for histograms: see <see cref="GaugeName"/>.
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
                new MetricFamily(GaugeName(name), "gauge", help),
            MetricType.Histogram => new MetricFamily(name, "histogram", help),
            _ => null,
        };
    }

    /// <summary>
    /// A gauge counting things that exist now is named by the things, plural:
    /// <c>dotnet.assembly.count</c> becomes <c>dotnet_assemblies</c>, <c>dotnet.timer.count</c>
    /// <c>dotnet_timers</c> (as Prometheus' own <c>go_goroutines</c>). Prometheus reserves the
    /// <c>_count</c> suffix for a histogram's or summary's number of observations, and
    /// <c>promtool check metrics</c> reports it on anything else. Other names are unchanged.
    /// </summary>
    public static string GaugeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        const string Suffix = "_count";
        if (!name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return name;
        }

        // The counted word follows a namespace ("dotnet_timer"); a bare "levity_count" stays.
        var stem = name[..^Suffix.Length];
        var word = stem[(stem.LastIndexOf('_') + 1)..];
        if (word.Length == stem.Length || word.Length == 0 || !char.IsAsciiLetter(word[^1]))
        {
            return name;
        }

        return word switch
        {
            [.., var c, 'y'] when !"aeiou".Contains(c, StringComparison.Ordinal) => stem[..^1] + "ies",
            [.., 's' or 'x' or 'z'] or [.., 'c' or 's', 'h'] => stem + "es",
            _ => stem + "s",
        };
    }
}
