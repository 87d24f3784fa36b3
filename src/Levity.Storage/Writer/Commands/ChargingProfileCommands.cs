using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Writer.Commands;

/// <summary>Writes to <c>charging_profile</c>. Only Active rows are replaced or cleared.</summary>
internal sealed class ChargingProfileCommands : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _replace;
    private readonly SqliteCommand _clearById;
    private readonly SqliteCommand _clearMatching;
    private readonly SqliteCommand _endTxProfiles;

    public ChargingProfileCommands(SqliteConnection connection)
    {
        _insert = connection.Prepare(
            """
            INSERT INTO charging_profile (cp_id, conn_id, charging_profile_id, stack_level, purpose, kind, profile, state, charger_status, source, created_at, updated_at)
            VALUES ($cp, $conn, $pid, $stack, $purpose, $kind, $profile, $state, $answer, $source, $now, $now)
            """,
            "$cp", "$conn", "$pid", "$stack", "$purpose", "$kind", "$profile", "$state", "$answer", "$source", "$now");
        // OCPP 1.6 §3.13.2: the same chargingProfileId anywhere on the charger, or the same
        // stackLevel and purpose on the same connector, is replaced by the newly accepted profile.
        _replace = connection.Prepare(
            """
            UPDATE charging_profile SET state = 'Replaced', updated_at = $now
            WHERE cp_id = $cp AND state = 'Active'
              AND (charging_profile_id = $pid OR (conn_id IS $conn AND stack_level = $stack AND purpose = $purpose))
            """,
            "$cp", "$pid", "$conn", "$stack", "$purpose", "$now");
        _clearById = connection.Prepare(
            "UPDATE charging_profile SET state = 'Cleared', cleared_at = $at, updated_at = $now WHERE cp_id = $cp AND state = 'Active' AND charging_profile_id = $pid",
            "$cp", "$pid", "$at", "$now");
        _clearMatching = connection.Prepare(
            """
            UPDATE charging_profile SET state = 'Cleared', cleared_at = $at, updated_at = $now
            WHERE cp_id = $cp AND state = 'Active'
              AND ($conn IS NULL OR conn_id = $conn)
              AND ($purpose IS NULL OR purpose = $purpose)
              AND ($stack IS NULL OR stack_level = $stack)
            """,
            "$cp", "$conn", "$purpose", "$stack", "$at", "$now");
        // A TxProfile applies to the transaction on its connector; one sent with a RemoteStart
        // that named no connector (conn_id NULL) belongs to whichever transaction that started,
        // which is not recorded, so any stop on the charger ends it.
        _endTxProfiles = connection.Prepare(
            """
            UPDATE charging_profile SET state = 'Ended', cleared_at = $at, updated_at = $now
            WHERE cp_id = $cp AND purpose = 'TxProfile' AND state = 'Active' AND (conn_id IS NULL OR conn_id = $conn)
            """,
            "$cp", "$conn", "$at", "$now");
    }

    public void Insert(string chargePointId, ChargingProfileSent profile, ChargingProfileState state, string now) =>
        _insert.Bind(0, chargePointId)
            .Bind(1, profile.ConnectorId is int connector ? (long)connector : null)
            .Bind(2, (long)profile.ChargingProfileId)
            .Bind(3, (long)profile.StackLevel)
            .Bind(4, profile.Purpose)
            .Bind(5, profile.Kind)
            .Bind(6, profile.ProfileJson)
            .Bind(7, state.ToString())
            .Bind(8, profile.ChargerStatus)
            .Bind(9, profile.Source)
            .Bind(10, now)
            .ExecuteNonQuery();

    public int ReplaceOlder(string chargePointId, ChargingProfileSent profile, string now) =>
        _replace.Bind(0, chargePointId)
            .Bind(1, (long)profile.ChargingProfileId)
            .Bind(2, profile.ConnectorId is int connector ? (long)connector : null)
            .Bind(3, (long)profile.StackLevel)
            .Bind(4, profile.Purpose)
            .Bind(5, now)
            .ExecuteNonQuery();

    public int Clear(string chargePointId, ChargingProfileClear clear, string at, string now) =>
        clear.Id is int id
            ? _clearById.Bind(0, chargePointId).Bind(1, (long)id).Bind(2, at).Bind(3, now).ExecuteNonQuery()
            : _clearMatching.Bind(0, chargePointId)
                .Bind(1, clear.ConnectorId is int connector ? (long)connector : null)
                .Bind(2, clear.Purpose)
                .Bind(3, clear.StackLevel is int stack ? (long)stack : null)
                .Bind(4, at)
                .Bind(5, now)
                .ExecuteNonQuery();

    /// <summary>The transaction on <paramref name="connectorId"/> stopped at <paramref name="at"/>: its TxProfiles end with it.</summary>
    public int EndTxProfiles(string chargePointId, int? connectorId, string at, string now) =>
        _endTxProfiles.Bind(0, chargePointId)
            .Bind(1, connectorId is int connector ? (long)connector : null)
            .Bind(2, at)
            .Bind(3, now)
            .ExecuteNonQuery();

    public void Dispose()
    {
        _insert.Dispose();
        _replace.Dispose();
        _clearById.Dispose();
        _clearMatching.Dispose();
        _endTxProfiles.Dispose();
    }
}
