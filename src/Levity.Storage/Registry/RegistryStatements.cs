using Levity.Storage.Sql;
using Levity.Storage.Writer;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Registry;

/// <summary>The writes of <c>charger_registry</c> and <c>security_event</c>, run by <see cref="RegistryOperation{T}"/>.</summary>
internal static class RegistryStatements
{
    public static bool Put(WriterSession session, ChargerRegistration r)
    {
        var created = !Exists(session, "SELECT 1 FROM charger_registry WHERE cp_id = $cp", ("$cp", r.ChargePointId));
        Run(
            session,
            """
            INSERT INTO charger_registry (cp_id, security_profile, password_hash, enabled, serial_username, registered_by, created_at, updated_at)
            VALUES ($cp, $profile, $hash, $enabled, $serial, $by, $now, $now)
            ON CONFLICT (cp_id) DO UPDATE SET
                security_profile = excluded.security_profile, password_hash = excluded.password_hash, enabled = excluded.enabled,
                serial_username = excluded.serial_username, registered_by = excluded.registered_by, updated_at = excluded.updated_at
            """,
            ("$cp", r.ChargePointId),
            ("$profile", r.SecurityProfile),
            ("$hash", r.PasswordHash),
            ("$enabled", r.Enabled ? 1 : 0),
            ("$serial", r.SerialUsername),
            ("$by", r.RegisteredBy),
            ("$now", session.NowRowStamp));
        return created;
    }

    public static bool FirstContact(WriterSession session, string chargePointId) =>
        Run(
            session,
            "INSERT OR IGNORE INTO charger_registry (cp_id, registered_by, created_at, updated_at) VALUES ($cp, $by, $now, $now)",
            ("$cp", chargePointId),
            ("$by", ChargerRegistration.ByFirstContact),
            ("$now", session.NowRowStamp)) == 1;

    public static bool SetPassword(WriterSession session, string chargePointId, string hash) =>
        Run(
            session,
            "UPDATE charger_registry SET password_hash = $hash, updated_at = $now WHERE cp_id = $cp",
            ("$cp", chargePointId),
            ("$hash", hash),
            ("$now", session.NowRowStamp)) == 1;

    public static bool Remove(WriterSession session, string chargePointId) =>
        Run(session, "DELETE FROM charger_registry WHERE cp_id = $cp", ("$cp", chargePointId)) == 1;

    public static bool RecordSecurityEvent(WriterSession session, SecurityRecord r) =>
        Run(
            session,
            """
            INSERT INTO security_event (cp_id, action, event_type, event_time, tech_info, csr, answer, created_at)
            VALUES ($cp, $action, $type, $time, $info, $csr, $answer, $now)
            """,
            ("$cp", r.ChargePointId),
            ("$action", r.Action),
            ("$type", r.EventType),
            ("$time", r.EventTime is { } t ? SqlTime.ToIso(t) : null),
            ("$info", r.TechInfo),
            ("$csr", r.Csr),
            ("$answer", r.Answer),
            ("$now", session.NowRowStamp)) == 1;

    private static int Run(WriterSession session, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(session, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static bool Exists(WriterSession session, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(session, sql, parameters);
        return command.ExecuteScalar() is not null;
    }

    private static SqliteCommand Command(WriterSession session, string sql, (string Name, object? Value)[] parameters)
    {
        var command = session.Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
        }

        return command;
    }
}
