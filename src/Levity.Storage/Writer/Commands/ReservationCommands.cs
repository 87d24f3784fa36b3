using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Writer.Commands;

/// <summary>Writes to <c>reservation</c>. A reservation is live while Requested or Accepted.</summary>
internal sealed class ReservationCommands : IDisposable
{
    private const string Live = "state IN ('Requested', 'Accepted')";

    private readonly SqliteCommand _findLive;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _replace;
    private readonly SqliteCommand _setState;
    private readonly SqliteCommand _findUsable;
    private readonly SqliteCommand _use;
    private readonly SqliteCommand _startedWith;
    private readonly SqliteCommand _expire;

    public ReservationCommands(SqliteConnection connection)
    {
        _findLive = connection.Prepare(
            $"SELECT id FROM reservation WHERE cp_id = $cp AND reservation_id = $rid AND {Live} ORDER BY id DESC LIMIT 1",
            "$cp", "$rid");
        _insert = connection.Prepare(
            """
            INSERT INTO reservation (reservation_id, cp_id, conn_id, id_tag, parent_id_tag, expiry_date, state, charger_status, created_at, updated_at)
            VALUES ($rid, $cp, $conn, $tag, $parent, $expiry, $state, $answer, $now, $now)
            RETURNING id
            """,
            "$rid", "$cp", "$conn", "$tag", "$parent", "$expiry", "$state", "$answer", "$now");
        _replace = connection.Prepare(
            """
            UPDATE reservation SET conn_id = $conn, id_tag = $tag, parent_id_tag = $parent, expiry_date = $expiry,
                state = $state, charger_status = $answer, updated_at = $now
            WHERE id = $row
            """,
            "$row", "$conn", "$tag", "$parent", "$expiry", "$state", "$answer", "$now");
        _setState = connection.Prepare(
            "UPDATE reservation SET state = $state, updated_at = $now WHERE id = $row",
            "$row", "$state", "$now");
        _findUsable = connection.Prepare(
            "SELECT id FROM reservation WHERE cp_id = $cp AND reservation_id = $rid AND state IN ('Requested', 'Accepted', 'Expired') ORDER BY id DESC LIMIT 1",
            "$cp", "$rid");
        _use = connection.Prepare(
            "UPDATE reservation SET state = 'Used', tx_id = $tx, updated_at = $now WHERE id = $row",
            "$row", "$tx", "$now");
        _startedWith = connection.Prepare(
            "SELECT id FROM tx WHERE cp_id = $cp AND reservation_id = $rid AND created_at >= $since ORDER BY id DESC LIMIT 1",
            "$cp", "$rid", "$since");
        _expire = connection.Prepare(
            $"UPDATE reservation SET state = 'Expired', updated_at = $now WHERE {Live} AND expiry_date <= $at",
            "$at", "$now");
    }

    public long? FindLive(string chargePointId, int reservationId) =>
        _findLive.Bind(0, chargePointId).Bind(1, (long)reservationId).ExecuteScalar() as long?;

    public long Insert(string chargePointId, ReservationRequest request, string expiry, ReservationState state, string now) =>
        (long)_insert.Bind(0, (long)request.ReservationId)
            .Bind(1, chargePointId)
            .Bind(2, (long)request.ConnectorId)
            .Bind(3, request.IdTag)
            .Bind(4, request.ParentIdTag)
            .Bind(5, expiry)
            .Bind(6, state.ToString())
            .Bind(7, request.ChargerStatus)
            .Bind(8, now)
            .ExecuteScalar()!;

    public void Replace(long row, ReservationRequest request, string expiry, ReservationState state, string now) =>
        _replace.Bind(0, row)
            .Bind(1, (long)request.ConnectorId)
            .Bind(2, request.IdTag)
            .Bind(3, request.ParentIdTag)
            .Bind(4, expiry)
            .Bind(5, state.ToString())
            .Bind(6, request.ChargerStatus)
            .Bind(7, now)
            .ExecuteNonQuery();

    public void SetState(long row, ReservationState state, string now) =>
        _setState.Bind(0, row).Bind(1, state.ToString()).Bind(2, now).ExecuteNonQuery();

    /// <summary>The reservation a StartTransaction may name: live, or expired here but still held by the charger.</summary>
    public long? FindUsable(string chargePointId, int reservationId) =>
        _findUsable.Bind(0, chargePointId).Bind(1, (long)reservationId).ExecuteScalar() as long?;

    public void Use(long row, int transactionId, string now) =>
        _use.Bind(0, row).Bind(1, (long)transactionId).Bind(2, now).ExecuteNonQuery();

    /// <summary>A transaction of this charger naming the reservation, committed since <paramref name="since"/> (row stamp).</summary>
    public int? StartedWith(string chargePointId, int reservationId, string since) =>
        _startedWith.Bind(0, chargePointId).Bind(1, (long)reservationId).Bind(2, since).ExecuteScalar() is long tx ? checked((int)tx) : null;

    public int Expire(string at, string now) => _expire.Bind(0, at).Bind(1, now).ExecuteNonQuery();

    public void Dispose()
    {
        _findLive.Dispose();
        _insert.Dispose();
        _replace.Dispose();
        _setState.Dispose();
        _findUsable.Dispose();
        _use.Dispose();
        _startedWith.Dispose();
        _expire.Dispose();
    }
}
