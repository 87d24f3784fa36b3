using System.Globalization;

namespace Levity.Storage.Writer.Operations;

/// <summary>
/// MeterValues: one row per sample with the connector NUMBER (0 = the charger itself). Values
/// naming a transaction that is not this charger's are still stored, with <c>tx_id</c> NULL, and
/// the claim is recorded as an anomaly.
/// </summary>
internal sealed class InsertMeterValuesOperation(string chargePointId, int connectorId, int? transactionId, IReadOnlyList<MeterSample> samples)
    : StoreOperation<MeterValuesResult>
{
    protected override MeterValuesResult Run(WriterSession session)
    {
        var now = session.NowRowStamp;
        session.ChargePoints.Ensure(chargePointId, now);
        long? storedTransactionId = null;
        var unknown = false;
        if (transactionId is int claimed)
        {
            if (session.Transactions.BelongsTo(claimed, chargePointId))
            {
                storedTransactionId = claimed;
            }
            else
            {
                unknown = true;
                var kind = session.Transactions.Find(claimed) is null ? AnomalyKind.UnknownTransaction : AnomalyKind.ForeignTransaction;
                var detail = string.Create(
                    CultureInfo.InvariantCulture,
                    $"MeterValues with {samples.Count} samples stored without transaction");
                session.Anomalies.Insert(chargePointId, kind, connectorId, claimed, session.Iso(session.Now), detail, now);
            }
        }

        var stored = session.MeterValues.InsertAll(session, storedTransactionId, chargePointId, connectorId, samples);
        return new MeterValuesResult(stored, unknown);
    }
}
