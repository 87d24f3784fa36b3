using Levity.Silo.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Metrics.Endpoints;

/// <summary>
/// /readyz: the server has started and is not stopping (so the OCPP listener is bound), and the
/// database takes a write lock (<c>BEGIN IMMEDIATE; ROLLBACK</c> on a connection of its own, so
/// nothing is written and the store's writer is only delayed, never failed).
/// </summary>
public sealed partial class ReadinessProbe(
    IOptions<LevityOptions> levityOptions,
    IOptions<MetricsOptions> metricsOptions,
    IHostApplicationLifetime lifetime,
    ILogger<ReadinessProbe> logger)
{
    /// <summary>Null when ready, otherwise why not (one line, for the response body).</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return "not started";
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return "stopping";
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = levityOptions.Value.Db,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)metricsOptions.Value.ReadinessTimeout.TotalSeconds),
        }.ToString();
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return null;
        }
        catch (SqliteException e)
        {
            Log.DatabaseNotWritable(logger, e.SqliteErrorCode, e.Message);
            return "database not writable";
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Readiness: database not writable (SQLite error {Code}: {Reason})")]
        public static partial void DatabaseNotWritable(ILogger logger, int code, string reason);
    }
}
