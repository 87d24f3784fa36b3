using System.Diagnostics;
using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Levity.Storage.Writer;

/// <summary>
/// Copies committed WAL pages into the database file on a connection and thread of its own. Left
/// to SQLite, the commit that crosses the auto-checkpoint threshold does this work (thousands of
/// page writes and a database fsync) before returning, and every charger waiting on that batch
/// waits with it: a latency spike each second or so under load. Here the writer keeps committing
/// while the checkpoint runs; the writer's own auto-checkpoint stays on, at a much higher
/// threshold, only as a backstop in case this one cannot keep up (a PASSIVE checkpoint never
/// waits for the writer, so under a sustained stream of commits it may trail behind).
/// </summary>
internal sealed partial class WalCheckpointer : IDisposable
{
    private readonly StoreOptions _options;
    private readonly StoreMetrics _metrics;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Thread _thread;
    private bool _stopping;
    private bool _woken;
    private int _commitsSinceCheckpoint;
    private long _checkpoints;

    public WalCheckpointer(StoreOptions options, StoreMetrics metrics, ILogger logger)
    {
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "levity-store-checkpoint" };
    }

    /// <summary>Checkpoints that ran (whether or not they copied anything).</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    public void Start() => _thread.Start();

    /// <summary>Called by the writer after each commit; wakes the checkpointer early under heavy load.</summary>
    public void Committed()
    {
        if (Interlocked.Increment(ref _commitsSinceCheckpoint) == _options.CheckpointAfterCommits)
        {
            Wake(stop: false);
        }
    }

    /// <summary>Asks for a checkpoint now, if anything was committed since the last (tests).</summary>
    public void Request() => Wake(stop: false);

    /// <summary>Stops the thread after the checkpoint in progress, if any; safe to repeat.</summary>
    public void Dispose()
    {
        Wake(stop: true);
        if (_thread.IsAlive)
        {
            _thread.Join();
        }
    }

    private void Wake(bool stop)
    {
        lock (_gate)
        {
            _stopping |= stop;
            _woken = true;
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Waits for a wake-up or the interval; false once stopping.</summary>
    private bool WaitForTurn()
    {
        lock (_gate)
        {
            if (!_woken && !_stopping)
            {
                Monitor.Wait(_gate, _options.CheckpointInterval);
            }

            _woken = false;
            return !_stopping;
        }
    }

    private void Run()
    {
        SqliteConnection? connection = null;
        try
        {
            connection = StoreConnections.OpenCheckpointer(_options);
            while (WaitForTurn())
            {
                if (Interlocked.Exchange(ref _commitsSinceCheckpoint, 0) == 0)
                {
                    continue;
                }

                Checkpoint(connection);
            }
        }
        catch (Exception error)
        {
            // Not fatal: the writer's own auto-checkpoint still bounds the WAL.
            Log.CheckpointerFailed(_logger, error);
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private void Checkpoint(SqliteConnection connection)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
            _metrics.Checkpointed(Stopwatch.GetElapsedTime(started));
            Interlocked.Increment(ref _checkpoints);
        }
        catch (SqliteException error)
        {
            Log.CheckpointFailed(_logger, error.SqliteErrorCode, error.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3030, LogLevel.Warning, "WAL checkpoint failed (SQLite error {Code}: {Message}); the next one retries")]
        public static partial void CheckpointFailed(ILogger logger, int code, string message);

        [LoggerMessage(3031, LogLevel.Error, "WAL checkpointer stopped; the writer's own auto-checkpoint takes over")]
        public static partial void CheckpointerFailed(ILogger logger, Exception error);
    }
}
