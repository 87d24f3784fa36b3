using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Writer.Commands;

/// <summary>
/// Writes to <c>cp</c>. Every statement is an upsert, so any message creates the row a charger's
/// other rows hang from. Chargers known to have a row are remembered so the hot path (meter
/// values) skips the existence check; the memory is dropped whenever a savepoint or batch rolls
/// back, since the row it vouches for may have been rolled back with it.
/// </summary>
internal sealed class ChargePointCommands : IDisposable
{
    private const int MaxRemembered = 10_000;

    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly SqliteCommand _ensure;
    private readonly SqliteCommand _contact;
    private readonly SqliteCommand _connection;
    private readonly SqliteCommand _boot;
    private readonly SqliteCommand _heartbeat;
    private readonly SqliteCommand _status;
    private readonly SqliteCommand _transactionStarted;
    private readonly SqliteCommand _transactionStopped;

    public ChargePointCommands(SqliteConnection connection)
    {
        _ensure = connection.Prepare(
            "INSERT INTO cp (id, is_connected, created_at, updated_at) VALUES ($id, 1, $now, $now) ON CONFLICT(id) DO NOTHING",
            "$id", "$now");
        _contact = connection.Prepare(
            "INSERT INTO cp (id, is_connected, last_connect_at, created_at, updated_at) VALUES ($id, 1, $at, $now, $now) ON CONFLICT(id) DO NOTHING",
            "$id", "$at", "$now");
        _connection = connection.Prepare(
            """
            INSERT INTO cp (id, is_connected, last_connect_at, created_at, updated_at) VALUES ($id, $connected, $at, $now, $now)
            ON CONFLICT(id) DO UPDATE SET is_connected = excluded.is_connected,
                last_connect_at = COALESCE(excluded.last_connect_at, cp.last_connect_at), updated_at = excluded.updated_at
            """,
            "$id", "$connected", "$at", "$now");
        _boot = connection.Prepare(
            """
            INSERT INTO cp (id, vendor, model, serial_number, firmware_version, iccid, imsi, is_connected, last_boot_at, created_at, updated_at)
            VALUES ($id, $vendor, $model, $serial, $firmware, $iccid, $imsi, 1, $at, $now, $now)
            ON CONFLICT(id) DO UPDATE SET vendor = excluded.vendor, model = excluded.model,
                serial_number = excluded.serial_number, firmware_version = excluded.firmware_version,
                iccid = excluded.iccid, imsi = excluded.imsi, is_connected = 1,
                last_boot_at = excluded.last_boot_at, updated_at = excluded.updated_at
            """,
            "$id", "$vendor", "$model", "$serial", "$firmware", "$iccid", "$imsi", "$at", "$now");
        _heartbeat = connection.Prepare(
            """
            INSERT INTO cp (id, is_connected, last_heartbeat_at, created_at, updated_at) VALUES ($id, 1, $at, $now, $now)
            ON CONFLICT(id) DO UPDATE SET last_heartbeat_at = excluded.last_heartbeat_at, updated_at = excluded.updated_at
            """,
            "$id", "$at", "$now");
        _status = connection.Prepare(
            """
            INSERT INTO cp (id, is_connected, status, created_at, updated_at) VALUES ($id, 1, $status, $now, $now)
            ON CONFLICT(id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
            """,
            "$id", "$status", "$now");
        _transactionStarted = connection.Prepare(
            """
            INSERT INTO cp (id, is_connected, last_tx_start_at, created_at, updated_at) VALUES ($id, 1, $at, $now, $now)
            ON CONFLICT(id) DO UPDATE SET last_tx_start_at = excluded.last_tx_start_at, updated_at = excluded.updated_at
            """,
            "$id", "$at", "$now");
        _transactionStopped = connection.Prepare(
            """
            INSERT INTO cp (id, is_connected, last_tx_stop_at, created_at, updated_at) VALUES ($id, 1, $at, $now, $now)
            ON CONFLICT(id) DO UPDATE SET last_tx_stop_at = excluded.last_tx_stop_at, updated_at = excluded.updated_at
            """,
            "$id", "$at", "$now");
    }

    /// <summary>Creates the row if missing (a message from a charger means it is connected).</summary>
    public void Ensure(string id, string now)
    {
        if (_known.Contains(id))
        {
            return;
        }

        _ensure.Bind(0, id).Bind(1, now).ExecuteNonQuery();
        Remember(id);
    }

    public void Contact(string id, string at, string now) =>
        Run(_contact.Bind(0, id).Bind(1, at).Bind(2, now), id);

    public void Connection(string id, bool connected, string? at, string now) =>
        Run(_connection.Bind(0, id).Bind(1, connected ? 1L : 0L).Bind(2, at).Bind(3, now), id);

    public void Boot(string id, ChargePointIdentity identity, string at, string now) =>
        Run(
            _boot.Bind(0, id)
                .Bind(1, identity.Vendor)
                .Bind(2, identity.Model)
                .Bind(3, identity.SerialNumber ?? string.Empty)
                .Bind(4, identity.FirmwareVersion ?? string.Empty)
                .Bind(5, identity.Iccid ?? string.Empty)
                .Bind(6, identity.Imsi ?? string.Empty)
                .Bind(7, at)
                .Bind(8, now),
            id);

    public void Heartbeat(string id, string at, string now) =>
        Run(_heartbeat.Bind(0, id).Bind(1, at).Bind(2, now), id);

    public void Status(string id, string status, string now) =>
        Run(_status.Bind(0, id).Bind(1, status).Bind(2, now), id);

    public void TransactionStarted(string id, string at, string now) =>
        Run(_transactionStarted.Bind(0, id).Bind(1, at).Bind(2, now), id);

    public void TransactionStopped(string id, string at, string now) =>
        Run(_transactionStopped.Bind(0, id).Bind(1, at).Bind(2, now), id);

    public void ForgetKnown() => _known.Clear();

    public void Dispose()
    {
        _ensure.Dispose();
        _contact.Dispose();
        _connection.Dispose();
        _boot.Dispose();
        _heartbeat.Dispose();
        _status.Dispose();
        _transactionStarted.Dispose();
        _transactionStopped.Dispose();
    }

    private void Run(SqliteCommand command, string id)
    {
        command.ExecuteNonQuery();
        Remember(id);
    }

    private void Remember(string id)
    {
        if (_known.Count >= MaxRemembered)
        {
            _known.Clear();
        }

        _known.Add(id);
    }
}
