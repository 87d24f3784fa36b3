using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Levity.Storage;

/// <summary>
/// Whether the database takes a write lock now: <c>BEGIN IMMEDIATE; ROLLBACK</c> on a connection
/// of its own, so nothing is written and the store's writer is only delayed, never failed.
/// </summary>
public sealed partial class StoreHealth(IOptions<StoreOptions> options, ILogger<StoreHealth> logger)
{
    /// <summary>True when a write could be made within <paramref name="timeout"/>; a failure is logged.</summary>
    public async Task<bool> IsWritableAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.Value.DatabasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)timeout.TotalSeconds),
        }.ToString();
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (SqliteException e)
        {
            Log.DatabaseNotWritable(logger, e.SqliteErrorCode, e.Message);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3040, Level = LogLevel.Warning, Message = "Database not writable (SQLite error {Code}: {Reason})")]
        public static partial void DatabaseNotWritable(ILogger logger, int code, string reason);
    }
}
