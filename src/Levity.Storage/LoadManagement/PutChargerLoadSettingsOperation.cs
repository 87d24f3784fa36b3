using Levity.Storage.Writer;

namespace Levity.Storage.LoadManagement;

/// <summary>Creates or replaces one charger's load settings.</summary>
internal sealed class PutChargerLoadSettingsOperation(ChargerLoadSettings settings) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        using var upsert = session.Connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO cp_load (cp_id, min_a, max_a, phases, phase, updated_at) VALUES ($cp, $min, $max, $phases, $phase, $now)
            ON CONFLICT (cp_id) DO UPDATE SET min_a = excluded.min_a, max_a = excluded.max_a, phases = excluded.phases,
                phase = excluded.phase, updated_at = excluded.updated_at
            """;
        upsert.Parameters.AddWithValue("$cp", settings.ChargePointId);
        upsert.Parameters.AddWithValue("$min", settings.MinAmps);
        upsert.Parameters.AddWithValue("$max", settings.MaxAmps);
        upsert.Parameters.AddWithValue("$phases", settings.Phases);
        upsert.Parameters.AddWithValue("$phase", (object?)settings.Phase ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$now", session.NowRowStamp);
        upsert.ExecuteNonQuery();
        return true;
    }
}
