using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Registry;

/// <summary>Reads of <c>charger_registry</c> and <c>security_event</c>, on pooled read connections.</summary>
internal sealed class RegistryReader(string connectionString)
{
    private const string Columns = "cp_id, security_profile, password_hash, enabled, serial_username, registered_by, created_at, updated_at";

    public async Task<ChargerRegistration?> FindAsync(string chargePointId, CancellationToken cancellationToken)
    {
        await using var connection = await StoreConnections.OpenReaderAsync(connectionString, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM charger_registry WHERE cp_id = $cp";
        command.Parameters.AddWithValue("$cp", chargePointId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Registration(reader) : null;
    }

    public async Task<IReadOnlyList<ChargerRegistration>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await StoreConnections.OpenReaderAsync(connectionString, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM charger_registry ORDER BY cp_id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ChargerRegistration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Registration(reader));
        }

        return rows;
    }

    public async Task<bool> AnyCredentialsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await StoreConnections.OpenReaderAsync(connectionString, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM charger_registry WHERE (password_hash IS NOT NULL AND security_profile IN (1, 2)) OR security_profile = 3 LIMIT 1";
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<SecurityRecord>> ListSecurityEventsAsync(string? chargePointId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await StoreConnections.OpenReaderAsync(connectionString, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT cp_id, action, event_type, event_time, tech_info, csr, answer, created_at
            FROM security_event WHERE ($cp IS NULL OR cp_id = $cp) ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$cp", (object?)chargePointId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<SecurityRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new SecurityRecord(
                reader.GetString(0),
                reader.GetString(1),
                Text(reader, 2),
                SqlTime.Parse(Text(reader, 3)),
                Text(reader, 4),
                Text(reader, 5),
                Text(reader, 6),
                SqlTime.Parse(Text(reader, 7))));
        }

        return rows;
    }

    private static ChargerRegistration Registration(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetInt32(1),
        Text(row, 2),
        row.GetInt64(3) != 0,
        Text(row, 4),
        row.GetString(5),
        SqlTime.Parse(Text(row, 6)),
        SqlTime.Parse(Text(row, 7)));

    private static string? Text(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
