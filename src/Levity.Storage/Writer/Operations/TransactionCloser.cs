using System.Globalization;

namespace Levity.Storage.Writer.Operations;

/// <summary>
/// Closing a transaction, shared by StopTransaction and orphan closing. Idempotent: a transaction
/// already completed is left as it is (a repeated stop never counts energy twice); one that does
/// not exist or belongs to another charger is recorded as an anomaly with everything the message
/// carried, and its samples are stored with <c>tx_id</c> NULL.
/// </summary>
internal static class TransactionCloser
{
    public static StopTransactionResult Close(
        WriterSession session,
        string chargePointId,
        int transactionId,
        long meterStop,
        DateTimeOffset at,
        string? reason,
        string? idTag,
        IReadOnlyList<MeterSample> samples,
        string origin)
    {
        var now = session.NowRowStamp;
        var atText = session.Iso(at);
        var stored = session.Transactions.Find(transactionId);
        if (stored is not { } transaction || transaction.ChargePointId != chargePointId)
        {
            session.ChargePoints.Ensure(chargePointId, now);
            var kind = stored is null ? AnomalyKind.UnknownTransaction : AnomalyKind.ForeignTransaction;
            var detail = string.Create(
                CultureInfo.InvariantCulture,
                $"{origin} meterStop={meterStop} timestamp={atText} reason={reason} idTag={idTag} samples={samples.Count}");
            session.Anomalies.Insert(chargePointId, kind, null, transactionId, session.Iso(session.Now), detail, now);
            session.MeterValues.InsertAll(session, null, chargePointId, 0, samples);
            return new StopTransactionResult(StopTransactionOutcome.UnknownTransaction, null);
        }

        if (!session.Transactions.Stop(transactionId, meterStop, atText, reason, idTag, now))
        {
            if (transaction.MeterStop != meterStop)
            {
                var detail = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{origin} repeated with meterStop={meterStop} timestamp={atText}; stored meterStop={transaction.MeterStop}, status={transaction.Status}");
                session.Anomalies.Insert(chargePointId, AnomalyKind.ConflictingStop, transaction.ConnectorId, transactionId, session.Iso(session.Now), detail, now);
            }

            return new StopTransactionResult(StopTransactionOutcome.AlreadyStopped, transaction.EnergyDelivered);
        }

        var energy = meterStop - transaction.MeterStart;
        session.ChargePoints.TransactionStopped(chargePointId, atText, now);
        session.Records.ChargingProfiles.EndTxProfiles(chargePointId, transaction.ConnectorId, atText, now);
        session.MeterValues.InsertAll(session, transactionId, chargePointId, transaction.ConnectorId ?? 0, samples);
        if (energy < 0)
        {
            // Billing SQL sums energy_delivered: a meter replaced or reset mid-session must not
            // subtract from a household's bill. meter_start and meter_stop keep the raw readings.
            var detail = string.Create(
                CultureInfo.InvariantCulture,
                $"{origin} meterStop={meterStop} is below meterStart={transaction.MeterStart}; energy_delivered stored as 0");
            session.Anomalies.Insert(chargePointId, AnomalyKind.NegativeEnergy, transaction.ConnectorId, transactionId, session.Iso(session.Now), detail, now);
            return new StopTransactionResult(StopTransactionOutcome.Stopped, 0, NegativeEnergy: true);
        }

        return new StopTransactionResult(StopTransactionOutcome.Stopped, energy);
    }
}
