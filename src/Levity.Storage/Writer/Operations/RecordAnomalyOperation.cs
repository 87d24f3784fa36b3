namespace Levity.Storage.Writer.Operations;

/// <summary>An anomaly noticed by the caller (e.g. the grain's own checks).</summary>
internal sealed class RecordAnomalyOperation(Anomaly anomaly) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        session.Anomalies.Insert(
            anomaly.ChargePointId,
            anomaly.Kind,
            anomaly.ConnectorId,
            anomaly.TransactionId,
            session.Iso(anomaly.At),
            anomaly.Detail,
            session.NowRowStamp);
        return true;
    }
}
