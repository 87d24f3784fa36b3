namespace Levity.Runtime.Storage.Sqlite;

/// <summary>Settings of one <see cref="SqliteGrainStorage"/> (named options, one per storage name).</summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>
    /// Path of the SQLite database file; created if missing. The file may hold other tables of the
    /// application: the storage only touches its <c>grain_state</c> table.
    /// </summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>How long a statement waits for another connection's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
