using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Writer.Commands;

/// <summary>Writes the firmware and diagnostics status columns of <c>cp</c> (upserts, like every <c>cp</c> write).</summary>
internal sealed class MaintenanceStatusCommands : IDisposable
{
    private readonly SqliteCommand _firmware;
    private readonly SqliteCommand _diagnostics;

    public MaintenanceStatusCommands(SqliteConnection connection)
    {
        _firmware = connection.Prepare(
            """
            INSERT INTO cp (id, is_connected, firmware_status, firmware_status_at, created_at, updated_at) VALUES ($id, 1, $status, $at, $now, $now)
            ON CONFLICT(id) DO UPDATE SET firmware_status = excluded.firmware_status,
                firmware_status_at = excluded.firmware_status_at, updated_at = excluded.updated_at
            """,
            "$id", "$status", "$at", "$now");
        _diagnostics = connection.Prepare(
            """
            INSERT INTO cp (id, is_connected, diagnostics_status, diagnostics_status_at, created_at, updated_at) VALUES ($id, 1, $status, $at, $now, $now)
            ON CONFLICT(id) DO UPDATE SET diagnostics_status = excluded.diagnostics_status,
                diagnostics_status_at = excluded.diagnostics_status_at, updated_at = excluded.updated_at
            """,
            "$id", "$status", "$at", "$now");
    }

    public void Record(string chargePointId, MaintenanceStatusKind kind, string status, string at, string now) =>
        (kind == MaintenanceStatusKind.Firmware ? _firmware : _diagnostics)
            .Bind(0, chargePointId).Bind(1, status).Bind(2, at).Bind(3, now).ExecuteNonQuery();

    public void Dispose()
    {
        _firmware.Dispose();
        _diagnostics.Dispose();
    }
}
