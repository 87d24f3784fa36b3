namespace Levity.Silo.Audit;

/// <summary>The sink used when no audit destination is configured: does nothing.</summary>
public sealed class NullAuditSink : IAuditSink
{
    public static readonly NullAuditSink Instance = new();

    private NullAuditSink()
    {
    }

    public void Frame(string chargePointId, AuditDirection direction, ReadOnlySpan<byte> frame)
    {
    }

    public void Connection(string chargePointId, bool connected, string? remoteAddress)
    {
    }

    public void OperatorRequest(OperatorRequestRecord request)
    {
    }
}
