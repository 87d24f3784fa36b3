using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Reading;

/// <summary>
/// Reads on pooled connections of their own: in WAL mode they see the last committed state and
/// run beside the writer without blocking it. Several queries that belong together run in one
/// read transaction, so they see one snapshot.
/// </summary>
internal sealed partial class StoreReader(string connectionString)
{
    // "Last energy reading": newest total (no phase) Energy.Active.Import.Register of the
    // transaction, served by idx_meter_val_tx_time.
    private const string LastReadingSql = """
        SELECT timestamp, measurand, value, unit FROM meter_val
        WHERE tx_id = $tx AND measurand = $measurand AND COALESCE(phase, '') = ''
        ORDER BY timestamp DESC, id DESC LIMIT 1
        """;

    public async Task<ChargePointSnapshot?> LoadChargePointAsync(string chargePointId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // Deferred: a read snapshot, no write lock (Microsoft.Data.Sqlite's default is IMMEDIATE).
        await using var transaction = connection.BeginTransaction(deferred: true);

        ChargePointRecord chargePoint;
        await using (var command = Command(connection, $"SELECT {RowMapping.ChargePointColumns} FROM cp WHERE id = $cp", chargePointId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            chargePoint = RowMapping.ChargePoint(reader);
        }

        var connectors = new List<ConnectorRecord>();
        await using (var command = Command(
            connection,
            "SELECT conn_id, status, error_code, vendor_error_code, updated_at FROM cp_conn WHERE cp_id = $cp AND conn_id > 0 ORDER BY conn_id",
            chargePointId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                connectors.Add(RowMapping.Connector(reader));
            }
        }

        var open = new List<OpenTransaction>();
        await using (var command = Command(
            connection,
            $"""
            SELECT {RowMapping.TransactionColumns}, m.timestamp, m.measurand, m.value, m.unit
            FROM tx AS t
            LEFT JOIN cp_conn AS c ON c.id = t.cp_conn_id
            LEFT JOIN meter_val AS m ON m.id = (
                SELECT id FROM meter_val
                WHERE tx_id = t.id AND measurand = '{MeterSample.EnergyRegister}' AND COALESCE(phase, '') = ''
                ORDER BY timestamp DESC, id DESC LIMIT 1)
            WHERE t.cp_id = $cp AND t.status = '{TransactionStatus.Active}'
            ORDER BY t.id
            """,
            chargePointId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                open.Add(new OpenTransaction(RowMapping.Transaction(reader), RowMapping.Reading(reader, 13)));
            }
        }

        return new ChargePointSnapshot(chargePoint, connectors, open);
    }

    public async Task<IReadOnlyList<ChargePointRecord>> ListChargePointsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RowMapping.ChargePointColumns} FROM cp ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ChargePointRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(RowMapping.ChargePoint(reader));
        }

        return rows;
    }

    public async Task<TransactionRecord?> GetTransactionAsync(int transactionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RowMapping.TransactionColumns} FROM tx AS t LEFT JOIN cp_conn AS c ON c.id = t.cp_conn_id WHERE t.id = $id";
        command.Parameters.AddWithValue("$id", transactionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? RowMapping.Transaction(reader) : null;
    }

    public async Task<IReadOnlyList<TransactionRecord>> GetOpenTransactionsAsync(string chargePointId, int? connectorId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            $"""
            SELECT {RowMapping.TransactionColumns}
            FROM tx AS t LEFT JOIN cp_conn AS c ON c.id = t.cp_conn_id
            WHERE t.cp_id = $cp AND t.status = '{TransactionStatus.Active}' AND ($conn IS NULL OR c.conn_id = $conn)
            ORDER BY t.id
            """,
            chargePointId);
        command.Parameters.AddWithValue("$conn", connectorId is int connector ? connector : DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var transactions = new List<TransactionRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            transactions.Add(RowMapping.Transaction(reader));
        }

        return transactions;
    }

    public async Task<MeterReading?> GetLastMeterReadingAsync(int transactionId, string measurand, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = LastReadingSql;
        command.Parameters.AddWithValue("$tx", transactionId);
        command.Parameters.AddWithValue("$measurand", measurand);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? RowMapping.Reading(reader, 0) : null;
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        StoreConnections.OpenReaderAsync(connectionString, cancellationToken);

    private static SqliteCommand Command(SqliteConnection connection, string sql, string chargePointId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$cp", chargePointId);
        return command;
    }
}
