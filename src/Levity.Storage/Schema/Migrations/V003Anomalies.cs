namespace Levity.Storage.Schema.Migrations;

/// <summary>
/// Version 3: the <c>anomaly</c> table. A StopTransaction or MeterValues naming a transaction that
/// does not exist used to fail (foreign key) and lose the data; now the data is stored and the
/// fact kept here for review. No foreign keys: the claimed transaction need not exist.
/// </summary>
internal static class V003Anomalies
{
    public static Migration Migration { get; } = new(3, "anomaly-table", Apply);

    private static void Apply(MigrationContext context) => context.Execute(Sql);

    private const string Sql = """
        CREATE TABLE IF NOT EXISTS anomaly (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            cp_id TEXT NOT NULL,              -- Charger concerned
            conn_id INTEGER,                  -- Connector number, when one applies
            tx_id INTEGER,                    -- Transaction id the charger claimed (may not exist in tx)
            kind TEXT NOT NULL,               -- UnknownTransaction, ForeignTransaction, ConflictingStop, ...
            timestamp DATETIME NOT NULL,      -- When it was noticed (ISO 8601, UTC)
            detail TEXT NOT NULL DEFAULT '',  -- The data that could not be booked normally
            created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
        );
        CREATE INDEX IF NOT EXISTS idx_anomaly_cp_time ON anomaly(cp_id, timestamp);
        CREATE INDEX IF NOT EXISTS idx_anomaly_tx ON anomaly(tx_id);
        """;
}
