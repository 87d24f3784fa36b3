using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Levity.Silo.Metrics.Exposition;

/// <summary>
/// An exporter that only runs when asked. The reader hands it a <see cref="Collect"/> delegate
/// (a pull-only reader collects only through it); <see cref="MetricsScraper"/> calls that, and
/// the batch comes back through <see cref="OnExport"/> on the same thread.
/// </summary>
[ExportModes(ExportModes.Pull)]
internal sealed class PullExporter : BaseExporter<Metric>, IPullMetricExporter
{
    public delegate ExportResult ExportFunc(in Batch<Metric> batch);

    public ExportFunc? OnExport { get; set; }

    /// <summary>Set by the reader; null once the reader is disposed.</summary>
    public Func<int, bool>? Collect { get; set; }

    public override ExportResult Export(in Batch<Metric> batch) => OnExport?.Invoke(batch) ?? ExportResult.Failure;
}
