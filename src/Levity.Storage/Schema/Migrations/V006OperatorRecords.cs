namespace Levity.Storage.Schema.Migrations;

/// <summary>
/// Version 6: what operators asked of chargers and what the chargers answered. <c>reservation</c>
/// holds every ReserveNow sent (one row per request; a later ReserveNow with the same
/// reservationId that the charger accepts updates the live row, as OCPP 1.6 replaces it on the
/// charger); <c>charging_profile</c> every profile sent with SetChargingProfile or inside
/// RemoteStartTransaction, with the profile JSON exactly as sent. <c>cp</c> gains the last
/// firmware and diagnostics status the charger reported. No foreign keys: these rows are history
/// and must outlive whatever they point at.
/// </summary>
internal static class V006OperatorRecords
{
    public static Migration Migration { get; } = new(6, "operator-records", Apply);

    private static void Apply(MigrationContext context)
    {
        context.Execute(Sql);
        foreach (var column in new[] { "firmware_status", "firmware_status_at", "diagnostics_status", "diagnostics_status_at" })
        {
            if (!context.HasColumn("cp", column))
            {
                context.Execute($"ALTER TABLE cp ADD COLUMN {column} {(column.EndsWith("_at", StringComparison.Ordinal) ? "DATETIME" : "TEXT")}");
            }
        }
    }

    private const string Sql = """
        CREATE TABLE IF NOT EXISTS reservation (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            reservation_id INTEGER NOT NULL,          -- The OCPP reservationId chosen by the operator
            cp_id TEXT NOT NULL,                      -- Charger asked
            conn_id INTEGER NOT NULL,                 -- Connector number (0 = any connector)
            id_tag TEXT NOT NULL,
            parent_id_tag TEXT,
            expiry_date DATETIME NOT NULL,            -- ISO 8601, UTC
            state TEXT NOT NULL,                      -- Requested, Accepted, Refused, Cancelled, Used, Expired
            charger_status TEXT,                      -- The charger's ReserveNow answer (NULL: none came)
            tx_id INTEGER,                            -- The transaction that used it
            created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
            updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
            CHECK (state IN ('Requested', 'Accepted', 'Refused', 'Cancelled', 'Used', 'Expired'))
        );
        CREATE INDEX IF NOT EXISTS idx_reservation_cp ON reservation(cp_id, reservation_id);
        CREATE INDEX IF NOT EXISTS idx_reservation_live ON reservation(expiry_date) WHERE state IN ('Requested', 'Accepted');

        CREATE TABLE IF NOT EXISTS charging_profile (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            cp_id TEXT NOT NULL,
            conn_id INTEGER,                          -- Connector number (0 = the whole charger; NULL: RemoteStart left it to the charger)
            charging_profile_id INTEGER NOT NULL,     -- chargingProfileId
            stack_level INTEGER NOT NULL,
            purpose TEXT NOT NULL,                    -- ChargePointMaxProfile, TxDefaultProfile, TxProfile
            kind TEXT NOT NULL,                       -- Absolute, Recurring, Relative
            profile TEXT NOT NULL,                    -- The chargingProfile JSON exactly as sent
            state TEXT NOT NULL,                      -- Requested, Active, Rejected, Cleared, Replaced
            charger_status TEXT,                      -- The charger's answer (NULL: none came)
            source TEXT NOT NULL,                     -- SetChargingProfile or RemoteStartTransaction
            created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
            updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
            cleared_at DATETIME,
            CHECK (state IN ('Requested', 'Active', 'Rejected', 'Cleared', 'Replaced'))
        );
        CREATE INDEX IF NOT EXISTS idx_charging_profile_cp ON charging_profile(cp_id, state);
        """;
}
