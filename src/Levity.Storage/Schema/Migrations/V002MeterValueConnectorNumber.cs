namespace Levity.Storage.Schema.Migrations;

/// <summary>
/// Version 2: <c>meter_val.cp_conn_id</c> holds the connector NUMBER (that is what the Python
/// version wrote), yet its foreign key pointed at <c>cp_conn(id)</c>, so connector 0 (the charger
/// itself) failed, and other connectors only passed when some unrelated cp_conn row had that id.
/// The column keeps its name and meaning; the foreign key goes (the table is rebuilt, every row and
/// id kept). <c>tx_id</c> keeps its foreign key: values of unknown transactions are stored with
/// <c>tx_id</c> NULL. The indexes are replaced by ones that serve reports over months of rows:
/// (measurand, timestamp, cp_id, value) answers "energy per charger in a period" from the index
/// alone; (tx_id, measurand, timestamp) finds the last reading of a transaction and serves joins
/// from tx. The single-column indexes on cp_id, cp_conn_id and measurand go: every index costs
/// writes on every row, and a charger-first one writes a scattered page per charger, which
/// measurably doubled the pages each group commit writes.
/// </summary>
internal static class V002MeterValueConnectorNumber
{
    public static Migration Migration { get; } = new(2, "meter-val-connector-number", Apply);

    private static readonly HashSet<string> Retired = new(StringComparer.OrdinalIgnoreCase)
    {
        "idx_meter_values_transaction_id",
        "idx_meter_values_charger_id",
        "idx_meter_values_connector_id",
        "idx_meter_values_measurand",
    };

    private static void Apply(MigrationContext context)
    {
        TableRebuilder.Rebuild(context, "meter_val", CreateSql, Retired);
        context.Execute(IndexSql);
    }

    private const string CreateSql = """
        CREATE TABLE {0} (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            tx_id INTEGER,                   -- tx.id (the OCPP transactionId); NULL outside a known transaction
            cp_id TEXT NOT NULL,             -- Charger that sent the value
            cp_conn_id INTEGER NOT NULL,     -- Connector NUMBER (0 = the charger itself), not a cp_conn row id
            timestamp DATETIME NOT NULL,     -- When the reading was taken (ISO 8601, UTC)
            measurand TEXT NOT NULL,         -- What was measured (Energy.Active.Import.Register, etc.)
            value REAL NOT NULL,             -- The measured value
            unit TEXT NOT NULL DEFAULT 'Wh', -- Unit of measurement
            context TEXT NOT NULL DEFAULT 'Sample.Periodic', -- Context (Sample.Periodic, Transaction.Begin, etc.)
            location TEXT NOT NULL DEFAULT 'Outlet', -- Location (Outlet, Cable, EV, etc.)
            phase TEXT DEFAULT '',           -- Phase information (L1, L2, L3, etc.)
            format TEXT NOT NULL DEFAULT 'Raw', -- Format (Raw, SignedData)
            created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
            FOREIGN KEY (tx_id) REFERENCES tx(id) ON DELETE CASCADE,
            FOREIGN KEY (cp_id) REFERENCES cp(id) ON DELETE CASCADE
        )
        """;

    private const string IndexSql = """
        CREATE INDEX IF NOT EXISTS idx_meter_values_timestamp ON meter_val(timestamp);
        CREATE INDEX IF NOT EXISTS idx_meter_val_tx_measurand_time ON meter_val(tx_id, measurand, timestamp);
        CREATE INDEX IF NOT EXISTS idx_meter_val_measurand_time ON meter_val(measurand, timestamp, cp_id, value);
        """;
}
