namespace Levity.Storage.Writer.Operations;

/// <summary>BootNotification: the charger's identity and <c>last_boot_at</c>.</summary>
internal sealed class RecordBootOperation(string chargePointId, ChargePointIdentity identity, DateTimeOffset at) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        session.ChargePoints.Boot(chargePointId, identity, session.Iso(at), session.NowRowStamp);
        return true;
    }
}
