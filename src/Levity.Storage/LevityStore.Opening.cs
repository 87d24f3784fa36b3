using System.Globalization;
using Levity.Storage.Files;
using Levity.Storage.Schema;
using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Levity.Storage;

/// <summary>
/// Opening the file: every reason to refuse it is found here, before the writer starts and before
/// anything else of the server has started, and reported as a <see cref="DatabaseOpenException"/>.
/// </summary>
public sealed partial class LevityStore
{
    private DatabaseFileLock? _fileLock;
    private SqliteConnection? _opened;

    /// <summary>
    /// Locks the file, opens it, checks it (writable, SQLite's quick check, a schema this Levity
    /// knows), saves a copy beside it when migrations are pending on existing data, and migrates.
    /// <see cref="StartAsync"/> calls it when it has not been called; the server calls it first so
    /// that a bad file is refused before any listener or the silo starts. Calling it again does nothing.
    /// </summary>
    /// <exception cref="DatabaseOpenException">The file was refused; the message is one line naming it.</exception>
    public void Open(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_opened is not null || _writer is not null)
        {
            return;
        }

        var path = Path.GetFullPath(_options.DatabasePath);
        var fileLock = DatabaseFileLock.Acquire(path);
        SqliteConnection? connection = null;
        try
        {
            if (fileLock.Created)
            {
                Log.Creating(_logger, path);
            }

            connection = OpenChecked(path, out var journalMode);
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                Log.NotWal(_logger, journalMode);
            }

            BackUpBeforeMigrating(connection, path);
            try
            {
                SchemaMigrator.Migrate(connection, MigrationCatalog.All, _logger, cancellationToken);
            }
            catch (StoreSchemaException e)
            {
                throw new DatabaseOpenException(DatabaseProblem.NewerSchema, $"database '{path}': {e.Message}", e);
            }

            StoreConnections.EnableForeignKeys(connection);
            _opened = connection;
            _fileLock = fileLock;
        }
        catch
        {
            connection?.Dispose();
            fileLock.Dispose();
            throw;
        }
    }

    private SqliteConnection OpenChecked(string path, out string journalMode)
    {
        SqliteConnection? connection = null;
        try
        {
            connection = StoreConnections.OpenWriter(_options, out journalMode);
            // Opened read-write, SQLite falls back to read-only on a write-protected file without a word.
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                throw new DatabaseOpenException(DatabaseProblem.NotWritable, $"database '{path}' is read-only for this user.");
            }

            if (DatabaseIntegrity.QuickCheck(connection) is { } damage)
            {
                throw new DatabaseOpenException(DatabaseProblem.Corrupt, $"database '{path}' is damaged (SQLite quick check: {damage.ReplaceLineEndings(" ")}); restore it from a backup.");
            }

            return connection;
        }
        catch (SqliteException e)
        {
            connection?.Dispose();
            throw Refused(path, e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    private static DatabaseOpenException Refused(string path, SqliteException e) => e.SqliteErrorCode switch
    {
        // SQLITE_CORRUPT, SQLITE_NOTADB
        11 or 26 => new(DatabaseProblem.Corrupt, $"database '{path}' is not a SQLite database or is damaged ({Reason(e)}); restore it from a backup.", e),
        // SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN: usually the folder, where the -wal and -shm files go.
        8 or 3 or 14 => new(DatabaseProblem.NotWritable, $"database '{path}' cannot be opened for writing ({Reason(e)}); the file and its folder must be writable by this user.", e),
        // SQLITE_BUSY, SQLITE_LOCKED: a program outside Levity holds a lock for longer than the busy timeout.
        5 or 6 => new(DatabaseProblem.InUse, $"database '{path}' is locked by another program ({Reason(e)}).", e),
        _ => new(DatabaseProblem.CannotOpen, $"database '{path}' cannot be opened ({Reason(e)}).", e),
    };

    /// <summary>SQLite's own words without the "SQLite Error 26: '...'." wrapping.</summary>
    private static string Reason(SqliteException e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return (colon >= 0 ? message[(colon + 2)..] : message).Trim().TrimEnd('.').Trim('\'');
    }

    /// <summary>
    /// Before the first migration touches existing data (an upgrade, or the Python version's file),
    /// a consistent copy is saved beside it, so the upgrade can always be undone.
    /// </summary>
    private void BackUpBeforeMigrating(SqliteConnection connection, string path)
    {
        var version = SchemaMigrator.CurrentVersion(connection);
        var hasData = Convert.ToInt64(connection.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"), CultureInfo.InvariantCulture) > 0;
        if (!hasData || version >= MigrationCatalog.LatestVersion)
        {
            return;
        }

        var stamp = _timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = $"{path}.v{version}-{stamp}.bak";
        try
        {
            var copy = DatabaseBackup.Copy(connection, target);
            Log.BackedUpBeforeMigrating(_logger, copy.Path, version, MigrationCatalog.LatestVersion);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            throw new DatabaseOpenException(
                DatabaseProblem.BackupFailed,
                $"database '{path}' needs migrating from schema version {version} to {MigrationCatalog.LatestVersion}, but a copy could not be saved first ({e.Message}); nothing was changed.",
                e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3023, LogLevel.Information, "Creating a new database at {Path}")]
        public static partial void Creating(ILogger logger, string path);

        [LoggerMessage(3024, LogLevel.Warning, "Saved a copy of the database at {BackupPath} before migrating it from schema version {From} to {To}")]
        public static partial void BackedUpBeforeMigrating(ILogger logger, string backupPath, int from, int to);
    }
}
