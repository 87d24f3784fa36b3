namespace Levity.Storage.Writer.Operations;

/// <summary>First message from a charger: creates its <c>cp</c> row if missing, changes nothing else.</summary>
internal sealed class RecordContactOperation(string chargePointId, DateTimeOffset at) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        session.ChargePoints.Contact(chargePointId, session.Iso(at), session.NowRowStamp);
        return true;
    }
}
