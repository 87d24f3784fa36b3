using System.Globalization;
using Levity.Reports;
using Levity.Storage;
using Levity.Storage.Schema;
using Levity.Storage.Sql;
using Levity.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Levity.Tests.Reports;

/// <summary>
/// A real SQLite file at the current schema (the real migrations), filled row by row for the
/// edge cases a charger cannot easily be made to produce (open for weeks, negative, orphans).
/// </summary>
internal sealed class ReportDb : IDisposable
{
    private readonly TestDatabase _database;
    private readonly SqliteConnection _connection;

    public ReportDb(int migrations = int.MaxValue)
    {
        _database = TestDatabase.Empty();
        _connection = _database.Open();
        _connection.Execute("PRAGMA journal_mode = WAL");
        SchemaMigrator.Migrate(_connection, [.. MigrationCatalog.All.Take(migrations)], NullLogger.Instance, default);
    }

    public string Path => _database.Path;

    public string Directory => _database.Directory;

    public static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Inserts a transaction (Completed when meterStop is given unless open says otherwise); returns its id.</summary>
    public int Tx(string cp, string idTag, string start, long meterStart, string? stop = null, long? meterStop = null, string stopReason = "Local", bool? open = null, int connector = 1)
    {
        Execute("INSERT OR IGNORE INTO cp (id) VALUES ($cp)", ("$cp", cp));
        Execute("INSERT OR IGNORE INTO cp_conn (cp_id, conn_id) VALUES ($cp, $conn)", ("$cp", cp), ("$conn", connector));
        var isOpen = open ?? meterStop is null;
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO tx (cp_id, cp_conn_id, id_tag, start_time, stop_time, meter_start, meter_stop, energy_delivered, stop_reason, status)
            VALUES ($cp, (SELECT id FROM cp_conn WHERE cp_id = $cp AND conn_id = $conn), $tag, $start, $stop, $ms, $me, COALESCE($me - $ms, 0), $reason, $status)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$cp", cp);
        command.Parameters.AddWithValue("$conn", connector);
        command.Parameters.AddWithValue("$tag", idTag);
        command.Parameters.AddWithValue("$start", SqlTime.ToIso(At(start)));
        command.Parameters.AddWithValue("$stop", stop is null ? DBNull.Value : SqlTime.ToIso(At(stop)));
        command.Parameters.AddWithValue("$ms", meterStart);
        command.Parameters.AddWithValue("$me", meterStop is { } me ? me : DBNull.Value);
        command.Parameters.AddWithValue("$reason", isOpen ? string.Empty : stopReason);
        command.Parameters.AddWithValue("$status", isOpen ? TransactionStatus.Active : "Completed");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Reading(int tx, string cp, string at, double value, string unit = "Wh", string measurand = MeterSample.EnergyRegister, string? phase = null) =>
        Execute(
            "INSERT INTO meter_val (tx_id, cp_id, cp_conn_id, timestamp, measurand, value, unit, phase) VALUES ($tx, $cp, 1, $at, $m, $v, $u, $p)",
            ("$tx", tx), ("$cp", cp), ("$at", SqlTime.ToIso(At(at))), ("$m", measurand), ("$v", value), ("$u", unit), ("$p", phase ?? string.Empty));

    public void Label(string idTag, string label) =>
        Execute("INSERT INTO id_tag (id_tag, label) VALUES ($t, $l)", ("$t", idTag), ("$l", label));

    public void Anomaly(string cp, int tx, string kind) =>
        Execute("INSERT INTO anomaly (cp_id, tx_id, kind, timestamp) VALUES ($cp, $tx, $k, $at)", ("$cp", cp), ("$tx", tx), ("$k", kind), ("$at", SqlTime.ToIso(DateTimeOffset.UnixEpoch)));

    public static ReportPeriod Period(string from, string to, string? tz = null)
    {
        Assert.True(ReportPeriodParser.TryParse(from, to, tz, out var period, out var problem), problem?.Message);
        return period;
    }

    public Task<TransactionReport> TransactionsAsync(string from, string to, string? tz = null, EnergyRules? rules = null) =>
        EnergyReporter.TransactionsAsync(Path, Period(from, to, tz), rules ?? new EnergyRules(), default);

    public Task<EnergyReport> EnergyAsync(string from, string to, ReportGrouping by = ReportGrouping.Household, string? tz = null) =>
        EnergyReporter.EnergyAsync(Path, Period(from, to, tz), by, new EnergyRules(), default);

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        _database.Dispose();
    }
}
