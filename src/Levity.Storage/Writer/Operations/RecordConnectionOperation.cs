namespace Levity.Storage.Writer.Operations;

/// <summary>WebSocket opened or closed: <c>cp.is_connected</c>, and <c>last_connect_at</c> on connect.</summary>
internal sealed class RecordConnectionOperation(string chargePointId, bool connected, DateTimeOffset at) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        session.ChargePoints.Connection(chargePointId, connected, connected ? session.Iso(at) : null, session.NowRowStamp);
        return true;
    }
}
