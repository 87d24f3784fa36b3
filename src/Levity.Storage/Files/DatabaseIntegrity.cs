using Microsoft.Data.Sqlite;

namespace Levity.Storage.Files;

/// <summary>SQLite's quick check: every page and index is read once; rows are not matched against indexes.</summary>
public static class DatabaseIntegrity
{
    /// <summary>Null when the database is sound, otherwise SQLite's first finding.</summary>
    public static string? QuickCheck(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(1)";
        var result = command.ExecuteScalar() as string;
        return string.Equals(result, "ok", StringComparison.Ordinal) ? null : result ?? "no answer";
    }
}
