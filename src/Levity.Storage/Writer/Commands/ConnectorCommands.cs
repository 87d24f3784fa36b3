using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Writer.Commands;

/// <summary>Writes to <c>cp_conn</c>; methods return the row id that <c>tx</c> and <c>cp_err</c> reference.</summary>
internal sealed class ConnectorCommands : IDisposable
{
    private readonly SqliteCommand _upsertStatus;
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _insert;

    public ConnectorCommands(SqliteConnection connection)
    {
        _upsertStatus = connection.Prepare(
            """
            INSERT INTO cp_conn (cp_id, conn_id, status, error_code, vendor_error_code, created_at, updated_at)
            VALUES ($cp, $conn, $status, $error, $vendorError, $now, $now)
            ON CONFLICT(cp_id, conn_id) DO UPDATE SET status = excluded.status, error_code = excluded.error_code,
                vendor_error_code = excluded.vendor_error_code, updated_at = excluded.updated_at
            RETURNING id
            """,
            "$cp", "$conn", "$status", "$error", "$vendorError", "$now");
        _find = connection.Prepare("SELECT id FROM cp_conn WHERE cp_id = $cp AND conn_id = $conn", "$cp", "$conn");
        // A transaction on a connector that never reported a status: the Python version created
        // the row as 'Charging' too.
        _insert = connection.Prepare(
            "INSERT INTO cp_conn (cp_id, conn_id, status, created_at, updated_at) VALUES ($cp, $conn, 'Charging', $now, $now) RETURNING id",
            "$cp", "$conn", "$now");
    }

    public long UpsertStatus(string chargePointId, int connectorId, string status, string errorCode, string vendorErrorCode, string now) =>
        (long)_upsertStatus.Bind(0, chargePointId)
            .Bind(1, (long)connectorId)
            .Bind(2, status)
            .Bind(3, errorCode)
            .Bind(4, vendorErrorCode)
            .Bind(5, now)
            .ExecuteScalar()!;

    public long GetOrCreate(string chargePointId, int connectorId, string now)
    {
        if (_find.Bind(0, chargePointId).Bind(1, (long)connectorId).ExecuteScalar() is long id)
        {
            return id;
        }

        return (long)_insert.Bind(0, chargePointId).Bind(1, (long)connectorId).Bind(2, now).ExecuteScalar()!;
    }

    public void Dispose()
    {
        _upsertStatus.Dispose();
        _find.Dispose();
        _insert.Dispose();
    }
}
