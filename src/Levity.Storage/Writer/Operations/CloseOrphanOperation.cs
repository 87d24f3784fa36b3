using System.Globalization;

namespace Levity.Storage.Writer.Operations;

/// <summary>
/// The server closes a transaction the charger never stopped, with an estimated meterStop (the
/// last reading). Recorded as an anomaly too, since the energy billed is an estimate.
/// </summary>
internal sealed class CloseOrphanOperation(string chargePointId, int transactionId, long meterStop, string reason, DateTimeOffset at)
    : StoreOperation<StopTransactionResult>
{
    protected override StopTransactionResult Run(WriterSession session)
    {
        var result = TransactionCloser.Close(session, chargePointId, transactionId, meterStop, at, reason, null, [], "CloseOrphan");
        if (result.Outcome == StopTransactionOutcome.Stopped)
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"closed by the server with estimated meterStop={meterStop} reason={reason}");
            session.Anomalies.Insert(chargePointId, AnomalyKind.OrphanClosed, null, transactionId, session.Iso(at), detail, session.NowRowStamp);
        }

        return result;
    }
}
