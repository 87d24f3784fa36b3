namespace Levity.Silo.Audit.Buffering;

/// <summary>What a buffered audit entry records.</summary>
internal enum AuditEntryKind : byte
{
    FrameReceived,
    FrameSent,
    Connected,
    Disconnected,
    OperatorRequest,
}
