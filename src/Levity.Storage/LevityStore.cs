using System.Diagnostics.Metrics;
using Levity.Storage.Reading;
using Levity.Storage.Schema;
using Levity.Storage.Sql;
using Levity.Storage.Writer;
using Levity.Storage.Writer.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Levity.Storage;

/// <summary>
/// The SQLite store: a hosted singleton. Start opens the file (WAL), applies pending migrations and
/// starts the single writer; stop refuses new writes, commits everything queued and closes.
/// See <see cref="IStoreWriter"/> and <see cref="IStoreReader"/> for the contract of each call.
/// </summary>
public sealed partial class LevityStore : IStoreWriter, IStoreReader, IHostedService, IAsyncDisposable
{
    private readonly StoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<LevityStore> _logger;
    private readonly StoreMetrics _metrics;
    private readonly StoreReader _reader;
    private volatile StoreWriter? _writer;
    private WalCheckpointer? _checkpointer;
    private bool _disposed;

    public LevityStore(IOptions<StoreOptions> options, TimeProvider timeProvider, ILogger<LevityStore> logger, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = Validated(options.Value);
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = new StoreMetrics(meterFactory);
        _reader = new StoreReader(StoreConnections.ReaderConnectionString(_options));
    }

    /// <summary>The background WAL checkpointer, for tests.</summary>
    internal WalCheckpointer Checkpointer => _checkpointer ?? throw new InvalidOperationException("The store has not been started.");

    /// <summary>The running writer, for tests and benchmarks that look at batching.</summary>
    internal StoreWriter Writer => _writer ?? throw new InvalidOperationException("The store has not been started.");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is not null)
        {
            throw new InvalidOperationException("The store is already started.");
        }

        Open(cancellationToken);
        var connection = _opened!;
        _opened = null;
        try
        {
            var checkpointer = new WalCheckpointer(_options, _metrics, _logger);
            var writer = new StoreWriter(connection, _options, _timeProvider, _metrics, _logger, checkpointer);
            checkpointer.Start();
            writer.Start();
            _checkpointer = checkpointer;
            _writer = writer;
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        Log.Started(_logger, Path.GetFullPath(_options.DatabasePath), MigrationCatalog.LatestVersion);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_writer is { } writer)
        {
            // Checkpointer first: the writer's connection, closing last, runs the final checkpoint.
            _checkpointer?.Dispose();
            await writer.StopAsync(cancellationToken);
            Log.Stopped(_logger, writer.Batches, writer.CommittedOperations);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _checkpointer?.Dispose();
        if (_writer is { } writer)
        {
            await writer.DisposeAsync();
        }

        // Pooled read connections would keep the file (and its WAL) open after the store is gone.
        using (var pooled = new SqliteConnection(StoreConnections.ReaderConnectionString(_options)))
        {
            SqliteConnection.ClearPool(pooled);
        }

        _opened?.Dispose();
        // Last: closing it earlier would drop SQLite's own locks held by this process on the file.
        _fileLock?.Dispose();
    }

    public ValueTask RecordContactAsync(string chargePointId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        return Writer.EnqueueAsync(new RecordContactOperation(chargePointId, at), cancellationToken);
    }

    public ValueTask RecordConnectionAsync(string chargePointId, bool connected, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        return Writer.EnqueueAsync(new RecordConnectionOperation(chargePointId, connected, at), cancellationToken);
    }

    public ValueTask RecordBootAsync(string chargePointId, ChargePointIdentity identity, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        ArgumentNullException.ThrowIfNull(identity);
        return Writer.EnqueueAsync(new RecordBootOperation(chargePointId, identity, at), cancellationToken);
    }

    public ValueTask RecordHeartbeatAsync(string chargePointId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        return Writer.EnqueueAsync(new RecordHeartbeatOperation(chargePointId, at), cancellationToken);
    }

    public ValueTask RecordStatusAsync(string chargePointId, ConnectorStatusReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        ArgumentNullException.ThrowIfNull(report);
        return Writer.EnqueueAsync(new RecordStatusOperation(chargePointId, report), cancellationToken);
    }

    public ValueTask<int> StartTransactionAsync(string chargePointId, TransactionStart start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        ArgumentNullException.ThrowIfNull(start);
        return Writer.EnqueueAsync(new StartTransactionOperation(chargePointId, start), cancellationToken);
    }

    public ValueTask<StopTransactionResult> StopTransactionAsync(string chargePointId, TransactionStop stop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        ArgumentNullException.ThrowIfNull(stop);
        EnsureFinite(stop.TransactionData ?? []);
        return Writer.EnqueueAsync(new StopTransactionOperation(chargePointId, stop), cancellationToken);
    }

    public ValueTask<StopTransactionResult> CloseOrphanAsync(
        string chargePointId, int transactionId, long meterStop, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        ArgumentNullException.ThrowIfNull(reason);
        return Writer.EnqueueAsync(new CloseOrphanOperation(chargePointId, transactionId, meterStop, reason, at), cancellationToken);
    }

    public ValueTask<MeterValuesResult> InsertMeterValuesAsync(
        string chargePointId, int connectorId, int? transactionId, IReadOnlyList<MeterSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        ArgumentNullException.ThrowIfNull(samples);
        EnsureFinite(samples);
        return Writer.EnqueueAsync(new InsertMeterValuesOperation(chargePointId, connectorId, transactionId, samples), cancellationToken);
    }

    public ValueTask RecordAnomalyAsync(Anomaly anomaly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(anomaly);
        return Writer.EnqueueAsync(new RecordAnomalyOperation(anomaly), cancellationToken);
    }

    public Task<ChargePointSnapshot?> LoadChargePointAsync(string chargePointId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        return _reader.LoadChargePointAsync(chargePointId, cancellationToken);
    }

    public Task<IReadOnlyList<ChargePointRecord>> ListChargePointsAsync(CancellationToken cancellationToken = default) =>
        _reader.ListChargePointsAsync(cancellationToken);

    public Task<TransactionRecord?> GetTransactionAsync(int transactionId, CancellationToken cancellationToken = default) =>
        _reader.GetTransactionAsync(transactionId, cancellationToken);

    public Task<IReadOnlyList<TransactionRecord>> GetOpenTransactionsAsync(string chargePointId, int? connectorId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        return _reader.GetOpenTransactionsAsync(chargePointId, connectorId, cancellationToken);
    }

    public Task<MeterReading?> GetLastMeterReadingAsync(int transactionId, string measurand = MeterSample.EnergyRegister, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(measurand);
        return _reader.GetLastMeterReadingAsync(transactionId, measurand, cancellationToken);
    }

    /// <summary>REAL NOT NULL cannot hold NaN (SQLite stores it as NULL): refuse it before it costs a retry loop.</summary>
    private static void EnsureFinite(IReadOnlyList<MeterSample> samples)
    {
        for (var i = 0; i < samples.Count; i++)
        {
            if (!double.IsFinite(samples[i].Value))
            {
                throw new ArgumentException($"Sample {i} has a non-finite value ({samples[i].Value}).", nameof(samples));
            }
        }
    }

    private static StoreOptions Validated(StoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath, nameof(options.DatabasePath));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options.MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChannelCapacity, 1, nameof(options.ChannelCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BusyTimeout, TimeSpan.Zero, nameof(options.BusyTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CheckpointInterval, TimeSpan.Zero, nameof(options.CheckpointInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CheckpointAfterCommits, 1, nameof(options.CheckpointAfterCommits));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WriterAutoCheckpointPages, 1, nameof(options.WriterAutoCheckpointPages));
        return options;
    }

    private static partial class Log
    {
        [LoggerMessage(3020, LogLevel.Information, "Store open at {Path} (schema version {Version})")]
        public static partial void Started(ILogger logger, string path, int version);

        [LoggerMessage(3021, LogLevel.Information, "Store closed after {Batches} commits of {Operations} writes")]
        public static partial void Stopped(ILogger logger, long batches, long operations);

        [LoggerMessage(3022, LogLevel.Warning, "SQLite refused WAL mode (journal mode is {Mode}); readers will block the writer")]
        public static partial void NotWal(ILogger logger, string mode);
    }
}
