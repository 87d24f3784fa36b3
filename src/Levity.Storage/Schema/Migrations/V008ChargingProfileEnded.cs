namespace Levity.Storage.Schema.Migrations;

/// <summary>
/// Version 8: a charging profile can be Ended. A TxProfile lives only as long as its transaction
/// (OCPP 1.6 §3.13.4: the charger discards it when the transaction stops), so the transaction's
/// close marks it Ended with <c>cleared_at</c> = the stop time. The state is in a CHECK
/// constraint, so the table is rebuilt (every row and id kept).
/// </summary>
internal static class V008ChargingProfileEnded
{
    public static Migration Migration { get; } = new(8, "charging-profile-ended", Apply);

    private static void Apply(MigrationContext context) =>
        TableRebuilder.Rebuild(context, "charging_profile", CreateSql, new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    private const string CreateSql = """
        CREATE TABLE {0} (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            cp_id TEXT NOT NULL,
            conn_id INTEGER,                          -- Connector number (0 = the whole charger; NULL: RemoteStart left it to the charger)
            charging_profile_id INTEGER NOT NULL,     -- chargingProfileId
            stack_level INTEGER NOT NULL,
            purpose TEXT NOT NULL,                    -- ChargePointMaxProfile, TxDefaultProfile, TxProfile
            kind TEXT NOT NULL,                       -- Absolute, Recurring, Relative
            profile TEXT NOT NULL,                    -- The chargingProfile JSON exactly as sent
            state TEXT NOT NULL,                      -- Requested, Active, Rejected, Cleared, Replaced, Ended
            charger_status TEXT,                      -- The charger's answer (NULL: none came)
            source TEXT NOT NULL,                     -- SetChargingProfile or RemoteStartTransaction
            created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
            updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
            cleared_at DATETIME,                      -- When it was Cleared, or Ended with its transaction
            CHECK (state IN ('Requested', 'Active', 'Rejected', 'Cleared', 'Replaced', 'Ended'))
        )
        """;
}
