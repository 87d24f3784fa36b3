using System.Diagnostics.Metrics;

namespace Levity.Storage.Writer;

/// <summary>The writer's instruments, on the "Levity.Storage" meter, for dashboards.</summary>
internal sealed class StoreMetrics
{
    public const string MeterName = "Levity.Storage";
    public const string BatchSizeName = "levity_store_batch_size";
    public const string CommitSecondsName = "levity_store_commit_seconds";

    public const string CheckpointSecondsName = "levity_store_checkpoint_seconds";

    public const string WriteFailuresName = "levity_store_write_failures_total";

    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _checkpointSeconds;
    private readonly Histogram<double> _commitSeconds;
    private long _writeFailures;

    public StoreMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _batchSize = meter.CreateHistogram(
            BatchSizeName,
            "{operation}",
            "Write operations committed together in one SQLite transaction.",
            tags: null,
            new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000] });
        _commitSeconds = meter.CreateHistogram(
            CommitSecondsName,
            "s",
            "Time of one COMMIT, including the fsync that makes the batch durable.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _checkpointSeconds = meter.CreateHistogram(
            CheckpointSecondsName,
            "s",
            "Time of one background WAL checkpoint (copying committed pages into the database file).",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        // Observed rather than added to: the series exists at 0 from the first scrape, so an
        // alert on its increase sees the first failure.
        meter.CreateObservableCounter(
            WriteFailuresName,
            () => Interlocked.Read(ref _writeFailures),
            "{operation}",
            "Writes that were not stored (disk full or failing, database locked or read-only); each was answered with an error.");
    }

    public void WritesFailed(int operations)
    {
        if (operations > 0)
        {
            Interlocked.Add(ref _writeFailures, operations);
        }
    }

    public void Checkpointed(TimeSpan duration)
    {
        if (_checkpointSeconds.Enabled)
        {
            _checkpointSeconds.Record(duration.TotalSeconds);
        }
    }

    public void BatchCommitted(int operations, TimeSpan commitTime)
    {
        if (_batchSize.Enabled)
        {
            _batchSize.Record(operations);
        }

        if (_commitSeconds.Enabled)
        {
            _commitSeconds.Record(commitTime.TotalSeconds);
        }
    }
}
