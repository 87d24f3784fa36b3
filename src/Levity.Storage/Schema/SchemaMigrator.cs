using System.Globalization;
using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Levity.Storage.Schema;

/// <summary>
/// Brings a database to the latest schema: reads <c>PRAGMA user_version</c> and applies each newer
/// migration in its own transaction that also sets the new version, so a crash mid-way leaves the
/// database at the last completed step and the next start resumes. Running it again does nothing.
/// Foreign keys must be off on the connection (table rebuilds need that).
/// </summary>
internal static partial class SchemaMigrator
{
    /// <returns>How many migrations were applied.</returns>
    public static int Migrate(SqliteConnection connection, IReadOnlyList<Migration> migrations, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(logger);
        EnsureOrdered(migrations);

        var current = CurrentVersion(connection);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
        {
            throw new StoreSchemaException(
                $"The database is at schema version {current}, newer than this Levity knows ({latest}); refusing to open it.");
        }

        var applied = 0;
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (var transaction = connection.BeginTransaction())
            {
                migration.Apply(new MigrationContext(connection, transaction));
                connection.Execute(
                    string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {migration.Version}"),
                    transaction);
                transaction.Commit();
            }

            applied++;
            Log.MigrationApplied(logger, migration.Version, migration.Name);
        }

        if (applied > 0)
        {
            // Existing rows are never touched to satisfy a constraint; say so instead.
            var violations = Convert.ToInt64(connection.Scalar("SELECT COUNT(*) FROM pragma_foreign_key_check"), CultureInfo.InvariantCulture);
            if (violations > 0)
            {
                Log.ForeignKeyViolations(logger, violations);
            }
        }
        else
        {
            Log.SchemaCurrent(logger, current);
        }

        return applied;
    }

    public static int CurrentVersion(SqliteConnection connection) =>
        Convert.ToInt32(connection.Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);

    private static void EnsureOrdered(IReadOnlyList<Migration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migration '{migrations[i].Name}' has version {migrations[i].Version}; expected {i + 1} (versions are 1, 2, 3, ... in order).");
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3001, LogLevel.Information, "Applied schema migration {Version} ({Name})")]
        public static partial void MigrationApplied(ILogger logger, int version, string name);

        [LoggerMessage(3002, LogLevel.Debug, "Database schema is current (version {Version})")]
        public static partial void SchemaCurrent(ILogger logger, int version);

        [LoggerMessage(3003, LogLevel.Warning, "Existing data has {Count} foreign-key violations; left as they are")]
        public static partial void ForeignKeyViolations(ILogger logger, long count);
    }
}
