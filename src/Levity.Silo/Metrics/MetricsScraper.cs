using System.Text;
using Levity.Silo.Metrics.Exposition;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Levity.Silo.Metrics;

/// <summary>
/// Aggregates the configured meters with the OpenTelemetry SDK (cumulative, pull-only) and
/// renders one Prometheus text page per scrape. Scrapes run one at a time; collection is cheap
/// and never touches the OCPP path beyond the instruments' own lock-free aggregation.
/// </summary>
public sealed partial class MetricsScraper : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PullExporter _exporter = new();
    private readonly BaseExportingMetricReader _reader;
    private readonly MeterProvider _provider;
    private readonly int _collectTimeoutMilliseconds;
    private readonly ILogger<MetricsScraper> _logger;
    private readonly StringBuilder _text = new();

    public MetricsScraper(IOptions<MetricsOptions> options, ILogger<MetricsScraper> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _collectTimeoutMilliseconds = (int)Math.Clamp(options.Value.CollectTimeout.TotalMilliseconds, 1, int.MaxValue);
        _reader = new BaseExportingMetricReader(_exporter) { TemporalityPreference = MetricReaderTemporalityPreference.Cumulative };
        var maxSeries = options.Value.MaxSeriesPerMetric;
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter([.. options.Value.Meters])
            // Only Levity's own meters: the limit is reserved up front for every metric it applies to.
            .AddView(instrument => instrument.Meter.Name.StartsWith("Levity", StringComparison.Ordinal)
                ? new MetricStreamConfiguration { CardinalityLimit = maxSeries }
                : null)
            .AddReader(_reader)
            .Build();
        _exporter.OnExport = Render;
    }

    /// <summary>Collects every instrument and returns the page as UTF-8 text.</summary>
    public async Task<byte[]> ScrapeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _text.Clear();
            if (_exporter.Collect?.Invoke(_collectTimeoutMilliseconds) is not true)
            {
                Log.CollectFailed(_logger, _collectTimeoutMilliseconds);
            }

            return Encoding.UTF8.GetBytes(_text.ToString());
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _provider.Dispose();
        _reader.Dispose();
        _exporter.Dispose();
        _gate.Dispose();
    }

    private ExportResult Render(in Batch<Metric> batch)
    {
        PrometheusSerializer.Write(batch, _text);
        return ExportResult.Success;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Metrics collection did not complete within {TimeoutMilliseconds} ms; the page may be incomplete")]
        public static partial void CollectFailed(ILogger logger, int timeoutMilliseconds);
    }
}
