namespace Levity.Storage.Schema.Migrations;

/// <summary>
/// Version 4: <c>tx</c> gains <c>reservation_id</c> and <c>stop_id_tag</c> (sent by chargers,
/// dropped by the Python version), appended so existing column positions stay. The Python
/// version left <c>tx.tx_id</c> NULL and used <c>tx.id</c> as the OCPP transactionId; it is
/// filled in with that id wherever that does not clash with an existing value. A partial index
/// finds a charger's open transactions without scanning completed ones; (status, start_time)
/// serves billing over a period ("completed transactions started in November").
/// </summary>
internal static class V004TransactionDetails
{
    public static Migration Migration { get; } = new(4, "tx-details", Apply);

    private static void Apply(MigrationContext context)
    {
        if (!context.HasColumn("tx", "reservation_id"))
        {
            context.Execute("ALTER TABLE tx ADD COLUMN reservation_id INTEGER");
        }

        if (!context.HasColumn("tx", "stop_id_tag"))
        {
            context.Execute("ALTER TABLE tx ADD COLUMN stop_id_tag TEXT");
        }

        context.Execute("""
            UPDATE tx SET tx_id = id
            WHERE tx_id IS NULL AND NOT EXISTS (SELECT 1 FROM tx AS other WHERE other.tx_id = tx.id);
            CREATE INDEX IF NOT EXISTS idx_tx_open ON tx(cp_id, cp_conn_id) WHERE status = 'Active';
            CREATE INDEX IF NOT EXISTS idx_tx_status_start ON tx(status, start_time);
            """);
    }
}
