namespace Levity.Tests.Audit.Support;

/// <summary>
/// One Forward protocol message as received: tag, mode (Message, Forward or PackedForward), how
/// many events it held, its "size" and "chunk" options if sent, whether the receiver acked it,
/// and its raw bytes.
/// </summary>
internal sealed record ForwardMessageInfo(string Tag, string Mode, int Events, long? Size, string? Chunk, bool Acked, byte[] Raw);
