using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Writer.Commands;

/// <summary>Writes to <c>meter_val</c>: the hot path, one prepared INSERT rebound per sample (see <see cref="RawStatement"/>).</summary>
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

    private const int Now = 11;

    private readonly RawStatement _insert;

    public MeterValueCommands(SqliteConnection connection) =>
        _insert = new RawStatement(
            connection,
            """
            INSERT INTO meter_val (tx_id, cp_id, cp_conn_id, timestamp, measurand, value, unit, context, location, phase, format, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            """);

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

        _insert.Bind(0, transactionId);
        _insert.Bind(1, chargePointId);
        _insert.Bind(2, connectorId);
        _insert.Bind(Now, session.NowRowStamp);
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            _insert.Bind(Timestamp, session.Iso(sample.Timestamp));
            _insert.Bind(Measurand, sample.Measurand ?? MeterSample.EnergyRegister);
            _insert.Bind(Value, sample.Value);
            _insert.Bind(Unit, sample.Unit ?? MeterSample.DefaultUnit);
            _insert.Bind(Context, sample.Context ?? MeterSample.DefaultContext);
            _insert.Bind(Location, sample.Location ?? MeterSample.DefaultLocation);
            _insert.Bind(Phase, sample.Phase ?? string.Empty);
            _insert.Bind(Format, sample.Format ?? MeterSample.DefaultFormat);
            _insert.Execute();
        }

        return samples.Count;
    }

    public void Dispose() => _insert.Dispose();
}
