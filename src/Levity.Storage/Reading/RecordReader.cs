using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Reading;

/// <summary>Reads of schema version 6 (reservations, charging profiles, firmware/diagnostics status), on pooled read connections.</summary>
internal sealed class RecordReader(string connectionString)
{
    /// <summary>Served by idx_reservation_live (expiry_date of live rows only).</summary>
    public async Task<DateTimeOffset?> NextReservationExpiryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(expiry_date) FROM reservation WHERE state IN ('Requested', 'Accepted')";
        return await command.ExecuteScalarAsync(cancellationToken) is string text ? SqlTime.Parse(text) : null;
    }

    /// <param name="chargePointId">One charger, or null for all.</param>
    /// <param name="limit">Most rows.</param>
    /// <param name="now">ISO time: a live reservation that expired by then reads as Expired.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<ReservationRecord>> ListReservationsAsync(string? chargePointId, int limit, string now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT reservation_id, cp_id, conn_id, id_tag, parent_id_tag, expiry_date,
                   CASE WHEN state IN ('Requested', 'Accepted') AND expiry_date <= $now THEN 'Expired' ELSE state END,
                   charger_status, tx_id, created_at, updated_at
            FROM reservation WHERE ($cp IS NULL OR cp_id = $cp) ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$cp", (object?)chargePointId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ReservationRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReservationRecord(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetString(3),
                Text(reader, 4),
                Time(reader, 5),
                reader.GetString(6),
                Text(reader, 7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                Time(reader, 9),
                Time(reader, 10)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<ChargingProfileRecord>> ListChargingProfilesAsync(string? chargePointId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT cp_id, conn_id, charging_profile_id, stack_level, purpose, kind, state, charger_status, source, profile, created_at, updated_at, cleared_at
            FROM charging_profile WHERE ($cp IS NULL OR cp_id = $cp) ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$cp", (object?)chargePointId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ChargingProfileRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ChargingProfileRecord(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetInt32(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                Text(reader, 7),
                reader.GetString(8),
                reader.GetString(9),
                Time(reader, 10),
                Time(reader, 11),
                Time(reader, 12)));
        }

        return rows;
    }

    public async Task<MaintenanceStatus?> GetMaintenanceStatusAsync(string chargePointId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT firmware_status, firmware_status_at, diagnostics_status, diagnostics_status_at FROM cp WHERE id = $cp";
        command.Parameters.AddWithValue("$cp", chargePointId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new MaintenanceStatus(Text(reader, 0), Time(reader, 1), Text(reader, 2), Time(reader, 3))
            : null;
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        StoreConnections.OpenReaderAsync(connectionString, cancellationToken);

    private static string? Text(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static DateTimeOffset? Time(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : SqlTime.Parse(row.GetString(ordinal));
}
