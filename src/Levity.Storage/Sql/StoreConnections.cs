using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Sql;

/// <summary>Connection strings and the per-connection settings of the writer.</summary>
internal static class StoreConnections
{
    public static string WriterConnectionString(StoreOptions options) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            // The writer holds its connection for the store's lifetime; a pooled one would keep
            // the file open after Dispose and skip the final WAL checkpoint.
            Pooling = false,
            DefaultTimeout = TimeoutSeconds(options),
        }.ToString();

    /// <summary>Opens a pooled read connection (<see cref="ReaderConnectionString"/>); disposed again if opening fails.</summary>
    public static async Task<SqliteConnection> OpenReaderAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static string ReaderConnectionString(StoreOptions options) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = TimeoutSeconds(options),
        }.ToString();

    /// <summary>
    /// Opens the single writer connection: WAL so readers run beside it, synchronous=FULL so a
    /// COMMIT returns only once the WAL is fsynced (the durability contract), foreign keys off
    /// until the migrations have run (rebuilding a table needs them off). Statement journals (and the
    /// savepoints of a batch replayed after a failed write) are temp files: temp_store=MEMORY keeps
    /// them off the disk.
    /// The page cache (64 MiB, as the Python version had) keeps the hot index pages in memory.
    /// Checkpoints run on their own connection (<see cref="Writer.WalCheckpointer"/>); the writer's
    /// auto-checkpoint threshold is raised so commits do not pay for them.
    /// </summary>
    public static SqliteConnection OpenWriter(StoreOptions options, out string journalMode)
    {
        var connection = new SqliteConnection(WriterConnectionString(options));
        try
        {
            connection.Open();
            journalMode = connection.Scalar("PRAGMA journal_mode = WAL") as string ?? "unknown";
            connection.Execute("PRAGMA synchronous = FULL");
            connection.Execute("PRAGMA temp_store = MEMORY");
            connection.Execute("PRAGMA cache_size = -65536");
            connection.Execute("PRAGMA foreign_keys = OFF");
            connection.Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA wal_autocheckpoint = {options.WriterAutoCheckpointPages}"));
            var busyMilliseconds = (long)options.BusyTimeout.TotalMilliseconds;
            connection.Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyMilliseconds}"));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The background checkpointer's connection. synchronous=FULL makes a checkpoint fsync the WAL
    /// before copying and the database file after, so no committed page exists only in the cache.
    /// </summary>
    public static SqliteConnection OpenCheckpointer(StoreOptions options)
    {
        var connection = new SqliteConnection(WriterConnectionString(options));
        try
        {
            connection.Open();
            connection.Execute("PRAGMA synchronous = FULL");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static void EnableForeignKeys(SqliteConnection connection) =>
        connection.Execute("PRAGMA foreign_keys = ON");

    private static int TimeoutSeconds(StoreOptions options) =>
        Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
}
