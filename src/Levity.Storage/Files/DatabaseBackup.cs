using System.Globalization;
using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Files;

/// <summary>
/// Consistent copies of a database through SQLite's online backup API: the copy is one read
/// transaction's snapshot, taken while the server keeps writing (WAL readers do not block the
/// writer). It is written to a temporary name, checked and only then renamed, so a copy that
/// exists under its final name is complete.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Copies the database at <paramref name="sourcePath"/> (which must exist) to <paramref name="targetPath"/> (which must not).</summary>
    /// <returns>What was copied.</returns>
    public static BackupResult Copy(string sourcePath, string targetPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        var source = Path.GetFullPath(sourcePath);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"database '{source}' does not exist.", source);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        connection.Execute("PRAGMA busy_timeout = 30000");
        return Copy(connection, targetPath, cancellationToken);
    }

    /// <summary>Copies the database open on <paramref name="source"/> to <paramref name="targetPath"/>, which must not exist.</summary>
    public static BackupResult Copy(SqliteConnection source, string targetPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetPath);
        var target = Path.GetFullPath(targetPath);
        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new IOException($"'{target}' already exists; choose another name or remove it first.");
        }

        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"the folder '{folder}' does not exist.");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Environment.ProcessId}.partial");
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var copy = new SqliteConnectionStringBuilder { DataSource = temporary, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            int version;
            using (var destination = new SqliteConnection(copy.ToString()))
            {
                destination.Open();
                source.BackupDatabase(destination);
                // A copy of a WAL database is a WAL database; a single file is what a backup should be.
                destination.Execute("PRAGMA journal_mode = DELETE");
                if (DatabaseIntegrity.QuickCheck(destination) is { } damage)
                {
                    throw new IOException($"the copy failed SQLite's quick check: {damage}");
                }

                version = Convert.ToInt32(destination.Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
            }

            File.Move(temporary, target);
            return new BackupResult(target, version, new FileInfo(target).Length);
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(temporary + "-journal");
        }
    }
}
