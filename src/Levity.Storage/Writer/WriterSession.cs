using Levity.Storage.Sql;
using Levity.Storage.Writer.Commands;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Levity.Storage.Writer;

/// <summary>
/// The writer connection with its prepared statements, used only by the writer thread. Runs a
/// batch as one transaction. A failing operation must be undone alone while its batch-mates
/// commit; that takes a savepoint per operation, and under a savepoint SQLite copies every page
/// an operation touches into a statement journal first (profiled: a tenth of the writer's time).
/// So a batch first runs without savepoints (<see cref="TryRunAll"/>); only when an operation
/// fails is it rolled back and run again with one savepoint per operation (<see cref="RunIsolated"/>).
/// Transaction control is plain SQL on prepared commands (no SqliteTransaction object per batch).
/// </summary>
internal sealed class WriterSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackToSavepoint;
    private DateTimeOffset _isoSource;
    private string? _iso;

    public WriterSession(SqliteConnection connection)
    {
        _connection = connection;
        _begin = connection.Prepare("BEGIN IMMEDIATE");
        _commit = connection.Prepare("COMMIT");
        _rollback = connection.Prepare("ROLLBACK");
        _savepoint = connection.Prepare("SAVEPOINT op");
        _release = connection.Prepare("RELEASE op");
        _rollbackToSavepoint = connection.Prepare("ROLLBACK TO op");
        ChargePoints = new ChargePointCommands(connection);
        Connectors = new ConnectorCommands(connection);
        Transactions = new TransactionCommands(connection);
        MeterValues = new MeterValueCommands(connection);
        Errors = new ErrorCommands(connection);
        Anomalies = new AnomalyCommands(connection);
        IdTags = new IdTagCommands(connection);
        Records = new OperatorRecordCommands(connection);
    }

    public ChargePointCommands ChargePoints { get; }

    public ConnectorCommands Connectors { get; }

    public TransactionCommands Transactions { get; }

    public MeterValueCommands MeterValues { get; }

    public ErrorCommands Errors { get; }

    public AnomalyCommands Anomalies { get; }

    public IdTagCommands IdTags { get; }

    public OperatorRecordCommands Records { get; }

    /// <summary>The batch's clock reading, taken once per batch.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary><see cref="Now"/> in the CURRENT_TIMESTAMP format, for created_at/updated_at.</summary>
    public string NowRowStamp { get; private set; } = string.Empty;

    /// <summary>The raw connection, for tests that need to misbehave inside a batch.</summary>
    internal SqliteConnection Connection => _connection;

    private bool InTransaction => raw.sqlite3_get_autocommit(_connection.Handle) == 0;

    /// <summary>ISO text of a time; the samples of one MeterValue share a timestamp, so the last one is kept.</summary>
    public string Iso(DateTimeOffset value)
    {
        if (_iso is null || value != _isoSource)
        {
            _iso = SqlTime.ToIso(value);
            _isoSource = value;
        }

        return _iso;
    }

    public void Begin(DateTimeOffset now)
    {
        Now = now;
        NowRowStamp = SqlTime.ToRowStamp(now);
        _begin.ExecuteNonQuery();
    }

    public void Commit() => _commit.ExecuteNonQuery();

    /// <summary>Rolls back what is left of a failed batch; never throws (the batch has failed already).</summary>
    public void Abort()
    {
        ChargePoints.ForgetKnown();
        try
        {
            if (InTransaction)
            {
                _rollback.ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            // SQLite rolls back on its own after the errors that make ROLLBACK fail.
        }
    }

    /// <summary>
    /// Runs every operation of the batch, without savepoints. False when one threw while the
    /// transaction was still open: the whole transaction has then been rolled back, to be run
    /// again under savepoints (operations are re-runnable: they write only through this session
    /// and keep just their last result). If SQLite has abandoned the transaction itself (I/O
    /// error, disk full), the exception propagates and the batch fails.
    /// </summary>
    public bool TryRunAll(List<StoreOperation> batch)
    {
        foreach (var operation in batch)
        {
            try
            {
                operation.Execute(this);
            }
            catch (Exception) when (InTransaction)
            {
                _rollback.ExecuteNonQuery();
                ChargePoints.ForgetKnown();
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Runs one operation under its savepoint. If it throws while the transaction is still open,
    /// only its own changes are undone and the error is returned; if SQLite has abandoned the whole
    /// transaction (I/O error, disk full), the exception propagates and the batch fails.
    /// </summary>
    public Exception? RunIsolated(StoreOperation operation)
    {
        _savepoint.ExecuteNonQuery();
        try
        {
            operation.Execute(this);
            _release.ExecuteNonQuery();
            return null;
        }
        catch (Exception error) when (InTransaction)
        {
            _rollbackToSavepoint.ExecuteNonQuery();
            _release.ExecuteNonQuery();
            ChargePoints.ForgetKnown();
            return error;
        }
    }

    public void Dispose()
    {
        ChargePoints.Dispose();
        Connectors.Dispose();
        Transactions.Dispose();
        MeterValues.Dispose();
        Errors.Dispose();
        Anomalies.Dispose();
        IdTags.Dispose();
        Records.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        _savepoint.Dispose();
        _release.Dispose();
        _rollbackToSavepoint.Dispose();
    }
}
