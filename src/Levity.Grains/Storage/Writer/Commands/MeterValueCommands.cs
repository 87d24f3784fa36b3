using Levity.Grains.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Grains.Storage.Writer.Commands;

/// <summary>Writes to <c>meter_val</c>: the hot path, one prepared INSERT rebound per sample.</summary>
internal sealed class MeterValueCommands : IDisposable
{
    private const int Timestamp = 3;
    private const int Measurand = 4;
    private const int Value = 5;
    private const int Unit = 6;
    private const int Context = 7;
    private const int Location = 8;
    private const int Phase = 9;
    private const int Format = 10;

    private readonly SqliteCommand _insert;

    public MeterValueCommands(SqliteConnection connection) =>
        _insert = connection.Prepare(
            """
            INSERT INTO meter_val (tx_id, cp_id, cp_conn_id, timestamp, measurand, value, unit, context, location, phase, format, created_at)
            VALUES ($tx, $cp, $conn, $timestamp, $measurand, $value, $unit, $context, $location, $phase, $format, $now)
            """,
            "$tx", "$cp", "$conn", "$timestamp", "$measurand", "$value", "$unit", "$context", "$location", "$phase", "$format", "$now");

    /// <param name="session">For the batch time and the timestamp text cache.</param>
    /// <param name="transactionId">tx.id, or null outside a known transaction.</param>
    /// <param name="chargePointId">The charger.</param>
    /// <param name="connectorId">The connector NUMBER (meter_val.cp_conn_id).</param>
    /// <param name="samples">Values to store.</param>
    public int InsertAll(WriterSession session, long? transactionId, string chargePointId, int connectorId, IReadOnlyList<MeterSample> samples)
    {
        if (samples.Count == 0)
        {
            return 0;
        }

        _insert.Bind(0, transactionId).Bind(1, chargePointId).Bind(2, (long)connectorId).Bind(11, session.NowRowStamp);
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            _insert.Bind(Timestamp, session.Iso(sample.Timestamp))
                .Bind(Measurand, sample.Measurand ?? MeterSample.EnergyRegister)
                .Bind(Value, sample.Value)
                .Bind(Unit, sample.Unit ?? MeterSample.DefaultUnit)
                .Bind(Context, sample.Context ?? MeterSample.DefaultContext)
                .Bind(Location, sample.Location ?? MeterSample.DefaultLocation)
                .Bind(Phase, sample.Phase ?? string.Empty)
                .Bind(Format, sample.Format ?? MeterSample.DefaultFormat)
                .ExecuteNonQuery();
        }

        return samples.Count;
    }

    public void Dispose() => _insert.Dispose();
}
