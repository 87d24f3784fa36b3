using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Levity.Storage.Writer;

/// <summary>
/// The single writer (group commit). Callers queue operations on a bounded channel; one thread
/// takes everything queued (up to the batch size), runs it as one SQLite transaction, commits
/// (synchronous=FULL: the WAL is fsynced) and only then completes the callers' tasks. While one
/// batch commits, the next accumulates, so no operation waits for a timer, and the disk sees one
/// fsync per batch rather than per message.
/// </summary>
internal sealed partial class StoreWriter : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly WriterSession _session;
    private readonly Channel<StoreOperation> _channel;
    private readonly TimeProvider _timeProvider;
    private readonly StoreMetrics _metrics;
    private readonly ILogger _logger;
    private readonly int _maxBatchSize;
    private readonly WalCheckpointer? _checkpointer;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _abandon;
    private bool _started;
    private int _closed;
    private long _batches;
    private long _committedOperations;

    /// <summary>Takes ownership of <paramref name="connection"/> (migrated, foreign keys on).</summary>
    public StoreWriter(SqliteConnection connection, StoreOptions options, TimeProvider timeProvider, StoreMetrics metrics, ILogger logger, WalCheckpointer? checkpointer = null)
    {
        _checkpointer = checkpointer;
        _connection = connection;
        _session = new WriterSession(connection);
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
        _maxBatchSize = options.MaxBatchSize;
        _channel = Channel.CreateBounded<StoreOperation>(new BoundedChannelOptions(options.ChannelCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // SQLite calls block (statements, fsync); a thread of its own keeps them off the pool.
        _thread = new Thread(Run) { IsBackground = true, Name = "levity-store-writer" };
    }

    /// <summary>Batches committed so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Operations committed so far.</summary>
    public long CommittedOperations => Interlocked.Read(ref _committedOperations);

    public void Start()
    {
        _started = true;
        _thread.Start();
    }

    /// <summary>
    /// Queues an operation and returns its completion, which comes only after its batch has
    /// committed (or failed). The token bounds only the wait for queue space: once queued, an
    /// operation runs, so its outcome is always reported.
    /// </summary>
    public ValueTask<TResult> EnqueueAsync<TResult>(StoreOperation<TResult> operation, CancellationToken cancellationToken)
    {
        if (_channel.Writer.TryWrite(operation))
        {
            return operation.AsValueTask();
        }

        return EnqueueSlowAsync(operation, cancellationToken);
    }

    /// <summary><see cref="EnqueueAsync{TResult}"/> for operations without a result.</summary>
    public ValueTask EnqueueAsync(StoreOperation<bool> operation, CancellationToken cancellationToken)
    {
        if (_channel.Writer.TryWrite(operation))
        {
            return operation.AsVoidValueTask();
        }

        return new ValueTask(EnqueueSlowAsync(operation, cancellationToken).AsTask());
    }

    /// <summary>
    /// Stops accepting, commits everything queued, closes the connection. If the token fires
    /// first, operations still queued fail (their callers learn nothing was stored) and this returns.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        if (!_started)
        {
            CloseConnection();
            return;
        }

        try
        {
            await _stopped.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _abandon = true;
            Log.StopAbandoned(_logger);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Unbounded on purpose: the queue is bounded, and every queued write must get its answer.
        _channel.Writer.TryComplete();
        if (_started)
        {
            await _stopped.Task;
        }
        else
        {
            CloseConnection();
        }
    }

    private async ValueTask<TResult> EnqueueSlowAsync<TResult>(StoreOperation<TResult> operation, CancellationToken cancellationToken)
    {
        try
        {
            await _channel.Writer.WriteAsync(operation, cancellationToken);
        }
        catch (ChannelClosedException closed)
        {
            throw new StoreWriteException("The store is stopping and accepts no more writes.", closed);
        }

        return await operation.AsValueTask();
    }

    private void Run()
    {
        var batch = new List<StoreOperation>(_maxBatchSize);
        var reader = _channel.Reader;
        try
        {
            while (WaitForWork(reader))
            {
                while (batch.Count < _maxBatchSize && reader.TryRead(out var operation))
                {
                    batch.Add(operation);
                }

                if (_abandon)
                {
                    FailAll(batch, "The store stopped before this write was committed.", null);
                }
                else
                {
                    ExecuteBatch(batch);
                }

                batch.Clear();
            }
        }
        catch (Exception error)
        {
            // Only a bug gets here (batches catch their own errors); nothing queued may hang.
            Log.WriterCrashed(_logger, error);
            _channel.Writer.TryComplete();
            FailAll(batch, "The store writer failed.", error);
            var rest = new List<StoreOperation>();
            while (reader.TryRead(out var operation))
            {
                rest.Add(operation);
            }

            FailAll(rest, "The store writer failed.", error);
        }
        finally
        {
            CloseConnection();
            _stopped.TrySetResult();
        }
    }

    /// <summary>
    /// Blocks this thread until work is queued; false once the channel is completed and drained.
    /// The thread exists to block (SQLite is synchronous), so this is no pool thread held hostage.
    /// </summary>
    private static bool WaitForWork(ChannelReader<StoreOperation> reader)
    {
        if (reader.TryPeek(out _))
        {
            return true;
        }

        var wait = reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void ExecuteBatch(List<StoreOperation> batch)
    {
        Exception? batchError = null;
        var failed = 0;
        try
        {
            var now = _timeProvider.GetUtcNow();
            _session.Begin(now);
            if (!_session.TryRunAll(batch))
            {
                Log.BatchRetriedIsolated(_logger, batch.Count);
                _session.Begin(now);
                foreach (var operation in batch)
                {
                    if (_session.RunIsolated(operation) is { } error)
                    {
                        failed++;
                        operation.Fail(new StoreWriteException("The write was rejected by the database; nothing of it was stored.", error));
                        Log.OperationFailed(_logger, operation.GetType().Name, error);
                    }
                }
            }

            var commitStarted = Stopwatch.GetTimestamp();
            _session.Commit();
            _metrics.BatchCommitted(batch.Count, Stopwatch.GetElapsedTime(commitStarted));
            _checkpointer?.Committed();
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _committedOperations, batch.Count - failed);
        }
        catch (Exception error)
        {
            batchError = error;
            _session.Abort();
            Log.BatchFailed(_logger, batch.Count, error);
        }

        _metrics.WritesFailed(batchError is null ? failed : batch.Count);
        foreach (var operation in batch)
        {
            if (batchError is not null)
            {
                operation.Fail(new StoreWriteException("The batch holding this write failed to commit; nothing of it was stored.", batchError));
            }

            operation.Complete();
        }
    }

    private void FailAll(List<StoreOperation> operations, string message, Exception? cause)
    {
        _metrics.WritesFailed(operations.Count);
        foreach (var operation in operations)
        {
            // One exception object per caller: awaiting rethrows it and appends to its stack trace.
            operation.Fail(new StoreWriteException(message, cause));
            operation.Complete();
        }
    }

    private void CloseConnection()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _session.Dispose();
            _connection.Dispose();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3010, LogLevel.Warning, "Store write {Operation} failed and was undone; its batch continues")]
        public static partial void OperationFailed(ILogger logger, string operation, Exception error);

        [LoggerMessage(3011, LogLevel.Error, "Store batch of {Count} writes failed to commit; all of them were reported as failed")]
        public static partial void BatchFailed(ILogger logger, int count, Exception error);

        [LoggerMessage(3012, LogLevel.Warning, "Store stop timed out; writes still queued are failed, not stored")]
        public static partial void StopAbandoned(ILogger logger);

        [LoggerMessage(3014, LogLevel.Debug, "Store batch of {Count} writes had a failing write; run again with a savepoint per write")]
        public static partial void BatchRetriedIsolated(ILogger logger, int count);

        [LoggerMessage(3013, LogLevel.Critical, "Store writer stopped unexpectedly")]
        public static partial void WriterCrashed(ILogger logger, Exception error);
    }
}
