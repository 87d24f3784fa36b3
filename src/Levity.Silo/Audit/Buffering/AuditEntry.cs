namespace Levity.Silo.Audit.Buffering;

/// <summary>
/// One buffered audit event: its kind, when it happened (UTC ticks from the TimeProvider), the
/// charger, the remote ip:port for connection events, and the length of its frame. The frame's
/// bytes live in the buffer's byte ring, in entry order, so the length is all an entry needs.
/// The strings are references the caller already held.
/// </summary>
internal readonly record struct AuditEntry(AuditEntryKind Kind, long UtcTicks, string ChargePointId, string? RemoteAddress, int FrameLength);
