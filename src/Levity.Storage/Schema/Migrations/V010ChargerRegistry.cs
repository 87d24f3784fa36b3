namespace Levity.Storage.Schema.Migrations;

/// <summary>
/// Version 10: the charger registry and the security extension's records.
/// <c>charger_registry</c> holds the chargers allowed to connect, each with its OCPP security
/// profile (0 none, 1 Basic, 2 TLS + Basic, 3 TLS + client certificate) and, for profiles 1 and
/// 2, a salted PBKDF2 hash of its password (never the password). Every charger already in
/// <c>cp</c> is registered at profile 0, so that <c>--charger-registration known</c> still admits
/// the chargers that connected before this version. <c>security_event</c> keeps each
/// SecurityEventNotification and SignCertificate a charger sent.
/// </summary>
internal static class V010ChargerRegistry
{
    public static Migration Migration { get; } = new(10, "charger-registry", Apply);

    private static void Apply(MigrationContext context) => context.Execute(Sql);

    private const string Sql = """
        CREATE TABLE IF NOT EXISTS charger_registry (
            cp_id TEXT PRIMARY KEY,                      -- The charge point id (last segment of its URL)
            security_profile INTEGER NOT NULL DEFAULT 0, -- 0 none, 1 Basic, 2 TLS + Basic, 3 TLS + client certificate
            password_hash TEXT,                          -- pbkdf2-sha256$iterations$salt$hash (base64); NULL: no password
            enabled INTEGER NOT NULL DEFAULT 1,          -- 0: refused at the handshake whatever it presents
            serial_username TEXT,                        -- Also accepted as the Basic username (chargers that send their serial number)
            registered_by TEXT NOT NULL DEFAULT 'operator', -- operator, first-contact (open registration) or migration
            created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
            updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
            CHECK (security_profile IN (0, 1, 2, 3)),
            CHECK (enabled IN (0, 1))
        );
        INSERT OR IGNORE INTO charger_registry (cp_id, registered_by) SELECT id, 'migration' FROM cp;

        CREATE TABLE IF NOT EXISTS security_event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            cp_id TEXT NOT NULL,
            action TEXT NOT NULL,                        -- SecurityEventNotification or SignCertificate
            event_type TEXT,                             -- SecurityEventNotification: type
            event_time DATETIME,                         -- SecurityEventNotification: timestamp (ISO 8601, UTC)
            tech_info TEXT,                              -- SecurityEventNotification: techInfo
            csr TEXT,                                    -- SignCertificate: the certificate signing request (PEM)
            answer TEXT,                                 -- What Levity answered (SignCertificate: Accepted or Rejected)
            created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
        );
        CREATE INDEX IF NOT EXISTS idx_security_event_cp ON security_event(cp_id, id);
        """;
}
