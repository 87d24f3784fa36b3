namespace Levity.Storage.Writer.Operations;

/// <summary>Heartbeat: <c>cp.last_heartbeat_at</c>.</summary>
internal sealed class RecordHeartbeatOperation(string chargePointId, DateTimeOffset at) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        session.ChargePoints.Heartbeat(chargePointId, session.Iso(at), session.NowRowStamp);
        return true;
    }
}
