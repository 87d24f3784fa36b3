using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Writer.Commands;

/// <summary>
/// Writes to <c>cp_err</c>: one open row per (charger, connector, error code) while the error
/// lasts; a later status with another code (or NoError) resolves it. <c>cp_conn_id</c> is the
/// cp_conn row id, as its foreign key says, and NULL for the charger itself (connector 0).
/// </summary>
internal sealed class ErrorCommands : IDisposable
{
    private readonly SqliteCommand _resolveOthers;
    private readonly SqliteCommand _open;

    public ErrorCommands(SqliteConnection connection)
    {
        _resolveOthers = connection.Prepare(
            """
            UPDATE cp_err SET resolved_at = $at
            WHERE cp_id = $cp AND cp_conn_id IS $conn AND resolved_at IS NULL AND error_code <> $keep
            """,
            "$at", "$cp", "$conn", "$keep");
        _open = connection.Prepare(
            """
            INSERT INTO cp_err (cp_id, cp_conn_id, error_code, vendor_error_code, error_description, vendor_error_info, timestamp, created_at)
            SELECT $cp, $conn, $code, $vendorCode, $info, $vendorInfo, $at, $now
            WHERE NOT EXISTS (
                SELECT 1 FROM cp_err WHERE cp_id = $cp AND cp_conn_id IS $conn AND error_code = $code AND resolved_at IS NULL)
            """,
            "$cp", "$conn", "$code", "$vendorCode", "$info", "$vendorInfo", "$at", "$now");
    }

    /// <summary>Resolves the open errors of a connector except those with code <paramref name="keep"/>.</summary>
    public void ResolveOthers(string chargePointId, long? connectorRowId, string keep, string at) =>
        _resolveOthers.Bind(0, at).Bind(1, chargePointId).Bind(2, connectorRowId).Bind(3, keep).ExecuteNonQuery();

    public void Open(string chargePointId, long? connectorRowId, ConnectorStatusReport report, string at, string now) =>
        _open.Bind(0, chargePointId)
            .Bind(1, connectorRowId)
            .Bind(2, report.ErrorCode)
            .Bind(3, report.VendorErrorCode ?? string.Empty)
            .Bind(4, report.Info ?? string.Empty)
            .Bind(5, report.VendorId ?? string.Empty)
            .Bind(6, at)
            .Bind(7, now)
            .ExecuteNonQuery();

    public void Dispose()
    {
        _resolveOthers.Dispose();
        _open.Dispose();
    }
}
