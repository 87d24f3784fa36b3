using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Writer.Commands;

/// <summary>
/// Writes to <c>tx</c>. The OCPP transactionId is <c>tx.id</c>: AUTOINCREMENT, so ids grow across
/// all chargers and restarts and are never reused, even after rows are deleted.
/// </summary>
internal sealed class TransactionCommands : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _setOcppId;
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _belongsTo;
    private readonly SqliteCommand _stop;

    public TransactionCommands(SqliteConnection connection)
    {
        _insert = connection.Prepare(
            """
            INSERT INTO tx (cp_id, cp_conn_id, id_tag, start_time, meter_start, status, reservation_id, created_at, updated_at)
            VALUES ($cp, $conn, $tag, $start, $meterStart, 'Active', $reservation, $now, $now)
            RETURNING id
            """,
            "$cp", "$conn", "$tag", "$start", "$meterStart", "$reservation", "$now");
        // tx_id mirrors id for readability; an old row may already hold that value (UNIQUE).
        _setOcppId = connection.Prepare(
            "UPDATE tx SET tx_id = id WHERE id = $id AND NOT EXISTS (SELECT 1 FROM tx AS other WHERE other.tx_id = $id)",
            "$id");
        _find = connection.Prepare(
            """
            SELECT t.cp_id, t.status, COALESCE(t.meter_start, 0), t.meter_stop, t.energy_delivered, c.conn_id
            FROM tx AS t LEFT JOIN cp_conn AS c ON c.id = t.cp_conn_id
            WHERE t.id = $id
            """,
            "$id");
        _belongsTo = connection.Prepare("SELECT 1 FROM tx WHERE id = $id AND cp_id = $cp", "$id", "$cp");
        _stop = connection.Prepare(
            """
            UPDATE tx SET stop_time = $at, meter_stop = $meterStop, energy_delivered = MAX($meterStop - COALESCE(meter_start, 0), 0),
                stop_reason = $reason, stop_id_tag = $tag, status = 'Completed', updated_at = $now
            WHERE id = $id AND status = 'Active'
            """,
            "$at", "$meterStop", "$reason", "$tag", "$now", "$id");
    }

    public long Insert(string chargePointId, long connectorRowId, TransactionStart start, string startTime, string now)
    {
        var id = (long)_insert.Bind(0, chargePointId)
            .Bind(1, connectorRowId)
            .Bind(2, start.IdTag)
            .Bind(3, startTime)
            .Bind(4, start.MeterStart)
            .Bind(5, start.ReservationId is int reservation ? (long)reservation : null)
            .Bind(6, now)
            .ExecuteScalar()!;
        _setOcppId.Bind(0, id).ExecuteNonQuery();
        return id;
    }

    public StoredTransaction? Find(long id)
    {
        using var reader = _find.Bind(0, id).ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoredTransaction(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetInt64(4),
            reader.IsDBNull(5) ? null : reader.GetInt32(5));
    }

    /// <summary>True when transaction <paramref name="id"/> exists and is this charger's.</summary>
    public bool BelongsTo(long id, string chargePointId) =>
        _belongsTo.Bind(0, id).Bind(1, chargePointId).ExecuteScalar() is not null;

    /// <returns>False when the transaction was no longer active (nothing changed).</returns>
    public bool Stop(long id, long meterStop, string at, string? reason, string? idTag, string now) =>
        _stop.Bind(0, at)
            .Bind(1, meterStop)
            .Bind(2, reason ?? string.Empty)
            .Bind(3, idTag)
            .Bind(4, now)
            .Bind(5, id)
            .ExecuteNonQuery() == 1;

    public void Dispose()
    {
        _insert.Dispose();
        _setOcppId.Dispose();
        _find.Dispose();
        _belongsTo.Dispose();
        _stop.Dispose();
    }
}
