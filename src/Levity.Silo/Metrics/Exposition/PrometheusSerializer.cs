using System.Globalization;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Levity.Silo.Metrics.Exposition;

/// <summary>
/// Writes collected OpenTelemetry metrics in the Prometheus text format 0.0.4: families sorted
/// by name, each with # HELP and # TYPE and all its samples together; histograms as cumulative
/// <c>_bucket{le=...}</c> ending in <c>+Inf</c>, then <c>_sum</c> and <c>_count</c>. Units are
/// never appended to names. No timestamps: Prometheus stamps the scrape.
/// </summary>
internal static class PrometheusSerializer
{
    /// <summary>Serializes one collection; only valid inside the exporter's Export call, while the points are readable.</summary>
    public static void Write(in Batch<Metric> batch, StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var families = new SortedDictionary<string, MetricFamily>(StringComparer.Ordinal);
        foreach (var metric in batch)
        {
            if (MetricFamily.For(metric) is not { } family)
            {
                continue;
            }

            if (families.TryGetValue(family.Name, out var existing))
            {
                // Same name from another meter: one family if the kind agrees; otherwise the
                // first wins, because a second # TYPE for a name makes the whole scrape invalid.
                if (existing.Type == family.Type)
                {
                    existing.Streams.Add(metric);
                }

                continue;
            }

            family.Streams.Add(metric);
            families.Add(family.Name, family);
        }

        foreach (var family in families.Values)
        {
            WriteFamily(family, output);
        }
    }

    private static void WriteFamily(MetricFamily family, StringBuilder output)
    {
        output.Append("# HELP ").Append(family.Name).Append(' ');
        PrometheusText.AppendHelp(output, family.Help);
        output.Append('\n');
        output.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type).Append('\n');
        foreach (var metric in family.Streams)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (metric.MetricType == MetricType.Histogram)
                {
                    WriteHistogram(family.Name, point, output);
                }
                else
                {
                    WriteSample(family.Name, suffix: null, point.Tags, output);
                    AppendScalar(metric.MetricType, point, output);
                    output.Append('\n');
                }
            }
        }
    }

    private static void WriteHistogram(string name, in MetricPoint point, StringBuilder output)
    {
        long cumulative = 0;
        foreach (var bucket in point.GetHistogramBuckets())
        {
            cumulative += bucket.BucketCount;
            WriteSample(name, "_bucket", point.Tags, output, bucket.ExplicitBound);
            PrometheusText.AppendValue(output, cumulative);
            output.Append('\n');
        }

        WriteSample(name, "_sum", point.Tags, output);
        PrometheusText.AppendValue(output, point.GetHistogramSum());
        output.Append('\n');
        WriteSample(name, "_count", point.Tags, output);
        PrometheusText.AppendValue(output, point.GetHistogramCount());
        output.Append('\n');
    }

    private static void AppendScalar(MetricType type, in MetricPoint point, StringBuilder output)
    {
        switch (type)
        {
            case MetricType.LongSum or MetricType.LongSumNonMonotonic:
                PrometheusText.AppendValue(output, point.GetSumLong());
                break;
            case MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic:
                PrometheusText.AppendValue(output, point.GetSumDouble());
                break;
            case MetricType.LongGauge:
                PrometheusText.AppendValue(output, point.GetGaugeLastValueLong());
                break;
            default:
                PrometheusText.AppendValue(output, point.GetGaugeLastValueDouble());
                break;
        }
    }

    /// <summary>Writes "name{labels} " (the braces only when there are labels); <paramref name="le"/> adds the bucket bound last.</summary>
    private static void WriteSample(string name, string? suffix, ReadOnlyTagCollection tags, StringBuilder output, double? le = null)
    {
        output.Append(name).Append(suffix);
        var first = true;
        foreach (var tag in tags)
        {
            output.Append(first ? '{' : ',');
            first = false;
            output.Append(PrometheusText.LabelName(tag.Key)).Append("=\"");
            // Booleans as Prometheus writes them (true/false), not .NET's True/False: OpenTelemetry's
            // own otel_metric_overflow label is one.
            var text = tag.Value is bool flag ? (flag ? "true" : "false") : Convert.ToString(tag.Value, CultureInfo.InvariantCulture);
            PrometheusText.AppendLabelValue(output, text ?? string.Empty);
            output.Append('"');
        }

        if (le is { } bound)
        {
            output.Append(first ? '{' : ',').Append("le=\"");
            PrometheusText.AppendValue(output, bound);
            output.Append('"');
            first = false;
        }

        output.Append(first ? " " : "} ");
    }
}
