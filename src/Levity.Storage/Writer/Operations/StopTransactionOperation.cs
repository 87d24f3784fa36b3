namespace Levity.Storage.Writer.Operations;

/// <summary>StopTransaction, with its transactionData samples.</summary>
internal sealed class StopTransactionOperation(string chargePointId, TransactionStop stop) : StoreOperation<StopTransactionResult>
{
    protected override StopTransactionResult Run(WriterSession session) =>
        TransactionCloser.Close(
            session,
            chargePointId,
            stop.TransactionId,
            stop.MeterStop,
            stop.Timestamp,
            stop.Reason,
            stop.IdTag,
            stop.TransactionData ?? [],
            "StopTransaction");
}
