using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Reports;

/// <summary>
/// Reads what a report needs from a Levity database FILE on a read-only connection of its own: a
/// running server's live file (WAL lets it read beside the writer) or a copy (a Litestream
/// replica, a backup). Never migrates or writes. Older schemas report with what they have: before
/// the id_tag table (version 5, and the Python database) there are no labels, before the
/// anomaly table (version 3) no orphan marks.
/// </summary>
public sealed class ReportDatabase : IAsyncDisposable
{
    private const int SqliteReadOnly = 8;
    private const int SqliteCantOpen = 14;
    private readonly SqliteConnection _connection;
    private readonly HashSet<string> _tables;

    private ReportDatabase(SqliteConnection connection, HashSet<string> tables)
    {
        _connection = connection;
        _tables = tables;
    }

    public bool HasLabels => _tables.Contains("id_tag");

    public bool HasAnomalies => _tables.Contains("anomaly");

    public static async Task<ReportDatabase> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ReportDatabaseException($"database file '{path}' does not exist");
        }

        SqliteConnection connection;
        try
        {
            connection = await OpenAsync(full, immutable: false, cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCantOpen or SqliteReadOnly)
        {
            // A copy in a directory we may not write cannot get the -shm file WAL readers need;
            // nobody writes a copy, so reading it as immutable is safe.
            connection = await OpenAsync(full, immutable: true, cancellationToken);
        }

        try
        {
            var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            if (!tables.Contains("tx") || !tables.Contains("meter_val"))
            {
                throw new ReportDatabaseException($"'{path}' is not a Levity database (no tx and meter_val tables)");
            }

            return new ReportDatabase(connection, tables);
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new ReportDatabaseException($"cannot read '{path}': {e.Message}", e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string fullPath, bool immutable, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? new Uri(fullPath).AbsoluteUri + "?immutable=1" : fullPath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Opening is lazy: the first read is what finds a WAL file it cannot use.
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            await command.ExecuteScalarAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Transactions that may count in the period, each with its energy readings. One read
    /// transaction: one snapshot, even while the server commits beside it.
    /// </summary>
    public async Task<IReadOnlyList<RecordedTransaction>> ReadTransactionsAsync(ReportWindow period, CancellationToken cancellationToken)
    {
        // Deferred: a read snapshot, no lock (BEGIN DEFERRED does no I/O, hence not async).
        await using var snapshot = _connection.BeginTransaction(deferred: true);
        var candidates = await ReadCandidatesAsync(snapshot, period, cancellationToken);
        await using var readings = new ReadingQueries(_connection, snapshot);
        var result = new List<RecordedTransaction>(candidates.Count);
        foreach (var t in candidates)
        {
            var first = await readings.FirstAsync(t.Id, cancellationToken);
            var last = await readings.LastAsync(t.Id, cancellationToken);
            var endsAfter = (DateTimeOffset boundary) => t.Start < boundary && (t.IsOpen || t.Stop is not { } stop || stop > boundary || last?.At > boundary);
            result.Add(t with
            {
                FirstReading = first,
                LastReading = last,
                BeforeFrom = endsAfter(period.From) ? await readings.BeforeAsync(t.Id, period.From, cancellationToken) : null,
                AfterFrom = endsAfter(period.From) ? await readings.AfterAsync(t.Id, period.From, cancellationToken) : null,
                BeforeTo = endsAfter(period.To) ? await readings.BeforeAsync(t.Id, period.To, cancellationToken) : null,
                AfterTo = endsAfter(period.To) ? await readings.AfterAsync(t.Id, period.To, cancellationToken) : null,
            });
        }

        return result;
    }

    private async Task<List<RecordedTransaction>> ReadCandidatesAsync(SqliteTransaction snapshot, ReportWindow period, CancellationToken cancellationToken)
    {
        var hasConnectors = _tables.Contains("cp_conn");
        var connector = hasConnectors ? "c.conn_id" : "NULL";
        var join = hasConnectors ? "LEFT JOIN cp_conn AS c ON c.id = t.cp_conn_id" : string.Empty;
        var label = HasLabels ? "COALESCE((SELECT i.label FROM id_tag AS i WHERE i.id_tag = t.id_tag COLLATE NOCASE), '')" : "''";
        var anomalies = HasAnomalies
            ? """
              (SELECT group_concat(kind, ',') FROM (SELECT DISTINCT a.kind AS kind FROM anomaly AS a
               WHERE a.tx_id = t.id AND a.cp_id = t.cp_id AND a.kind <> 'UnknownTransaction' ORDER BY a.kind))
              """
            : "NULL";

        await using var command = _connection.CreateCommand();
        command.Transaction = snapshot;
        // Times are ISO text; the window is widened by a day so rows written in another ISO
        // variant (older rows) are not lost to string comparison, then filtered exactly below.
        command.CommandText = $"""
            SELECT t.id, t.cp_id, {connector}, t.id_tag, t.start_time, t.stop_time, t.meter_start, t.meter_stop,
                   t.stop_reason, t.status, {label}, {anomalies}
            FROM tx AS t {join}
            WHERE t.start_time < $to AND (t.stop_time IS NULL OR t.stop_time >= $from)
            ORDER BY t.id
            """;
        command.Parameters.AddWithValue("$from", SqlTime.ToIso(period.From.AddDays(-1)));
        command.Parameters.AddWithValue("$to", SqlTime.ToIso(period.To.AddDays(1)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<RecordedTransaction>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt32(0);
            var startText = reader.IsDBNull(4) ? null : reader.GetString(4);
            var start = SqlTime.Parse(startText)
                ?? throw new ReportDatabaseException($"transaction {id} has an unreadable start_time '{startText}'");
            var stop = reader.IsDBNull(5) ? null : SqlTime.Parse(reader.GetString(5));
            if (start >= period.To || (stop is { } s && s < period.From))
            {
                continue;
            }

            var status = reader.IsDBNull(9) ? string.Empty : reader.GetString(9);
            var stopReason = reader.IsDBNull(8) ? string.Empty : reader.GetString(8);
            string[] kinds = reader.IsDBNull(11) ? [] : reader.GetString(11).Split(',', StringSplitOptions.RemoveEmptyEntries);
            rows.Add(new RecordedTransaction
            {
                Id = id,
                ChargePointId = reader.GetString(1),
                ConnectorId = reader.IsDBNull(2) ? null : reader.GetInt32(2),
                IdTag = reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
                Start = start,
                Stop = stop,
                MeterStart = reader.IsDBNull(6) ? 0 : reader.GetInt64(6),
                MeterStop = reader.IsDBNull(7) ? null : reader.GetInt64(7),
                StopReason = stopReason,
                IsOpen = status == TransactionStatus.Active,
                ClosedByServer = !string.Equals(status, TransactionStatus.Active, StringComparison.Ordinal)
                    && (kinds.Contains(nameof(AnomalyKind.OrphanClosed)) || IsOperatorClose(stopReason) || kinds.Any(IsOperatorClose)),
                Label = reader.GetString(10),
                Anomalies = kinds,
            });
        }

        return rows;
    }

    private static bool IsOperatorClose(string text) => string.Equals(text, "ClosedByOperator", StringComparison.OrdinalIgnoreCase);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>Whole-meter energy register readings of one transaction, each served by idx_meter_val_tx_time.</summary>
    private sealed class ReadingQueries(SqliteConnection connection, SqliteTransaction snapshot) : IAsyncDisposable
    {
        private const string Where = $"""
            WHERE tx_id = $tx AND measurand = '{MeterSample.EnergyRegister}' AND COALESCE(phase, '') = ''
            """;

        private readonly SqliteCommand _first = Prepare(connection, snapshot, $"SELECT timestamp, value, unit FROM meter_val {Where} ORDER BY timestamp, id LIMIT 1");
        private readonly SqliteCommand _last = Prepare(connection, snapshot, $"SELECT timestamp, value, unit FROM meter_val {Where} ORDER BY timestamp DESC, id DESC LIMIT 1");
        private readonly SqliteCommand _before = Prepare(connection, snapshot, $"SELECT timestamp, value, unit FROM meter_val {Where} AND timestamp <= $at ORDER BY timestamp DESC, id DESC LIMIT 1");
        private readonly SqliteCommand _after = Prepare(connection, snapshot, $"SELECT timestamp, value, unit FROM meter_val {Where} AND timestamp >= $at ORDER BY timestamp, id LIMIT 1");

        public Task<MeterPoint?> FirstAsync(int tx, CancellationToken cancellationToken) => ReadAsync(_first, tx, null, cancellationToken);

        public Task<MeterPoint?> LastAsync(int tx, CancellationToken cancellationToken) => ReadAsync(_last, tx, null, cancellationToken);

        public Task<MeterPoint?> BeforeAsync(int tx, DateTimeOffset at, CancellationToken cancellationToken) => ReadAsync(_before, tx, at, cancellationToken);

        public Task<MeterPoint?> AfterAsync(int tx, DateTimeOffset at, CancellationToken cancellationToken) => ReadAsync(_after, tx, at, cancellationToken);

        private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction snapshot, string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = snapshot;
            command.CommandText = sql;
            command.Parameters.Add("$tx", SqliteType.Integer);
            if (sql.Contains("$at", StringComparison.Ordinal))
            {
                command.Parameters.Add("$at", SqliteType.Text);
            }

            return command;
        }

        private static async Task<MeterPoint?> ReadAsync(SqliteCommand command, int tx, DateTimeOffset? at, CancellationToken cancellationToken)
        {
            command.Parameters["$tx"].Value = tx;
            if (at is { } instant)
            {
                command.Parameters["$at"].Value = SqlTime.ToIso(instant);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (SqlTime.Parse(reader.GetString(0)) is { } time)
                {
                    return new MeterPoint(time, EnergyUnits.ToWattHours(reader.GetDouble(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                }
            }

            return null;
        }

        public async ValueTask DisposeAsync()
        {
            await _first.DisposeAsync();
            await _last.DisposeAsync();
            await _before.DisposeAsync();
            await _after.DisposeAsync();
        }
    }
}
