using System.Buffers;
using System.Security.Cryptography;
using MessagePack;

namespace Levity.Silo.Audit.Fluentd;

/// <summary>
/// The records the sender took from the buffer, encoded as PackedForward messages
/// (<c>[tag, bin(entries), {"size": n, "chunk": id}]</c>, one per tag), kept until every message
/// is delivered, so a broken connection resends what Fluentd did not get (or did not ack).
/// </summary>
internal sealed class ForwardBatch
{
    private readonly ArrayBufferWriter<byte> _bytes = new(64 * 1024);
    private readonly List<ForwardMessage> _messages = [];

    public IReadOnlyList<ForwardMessage> Messages => _messages;

    public bool IsEmpty => _messages.Count == 0;

    /// <summary>Records not yet delivered (lost if the sender gives up now).</summary>
    public int UndeliveredRecords => _messages.Where(m => !m.Delivered).Sum(m => m.Records);

    public void Add(string tag, ReadOnlySpan<byte> entries, int records, bool withChunk)
    {
        var chunk = withChunk ? NewChunkId() : null;
        var offset = _bytes.WrittenCount;
        var writer = new MessagePackWriter(_bytes);
        writer.WriteArrayHeader(3);
        writer.Write(tag);
        writer.Write(entries);
        writer.WriteMapHeader(chunk is null ? 1 : 2);
        writer.WriteString("size"u8);
        writer.Write(records);
        if (chunk is not null)
        {
            writer.WriteString("chunk"u8);
            writer.Write(chunk);
        }

        writer.Flush();
        _messages.Add(new ForwardMessage(offset, _bytes.WrittenCount - offset, tag, records, chunk));
    }

    public ReadOnlyMemory<byte> Bytes(ForwardMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _bytes.WrittenMemory.Slice(message.Offset, message.Length);
    }

    /// <summary>Marks the message with this chunk id delivered; returns its record count (0 for an unknown or repeated ack).</summary>
    public int Acknowledge(string chunk)
    {
        foreach (var message in _messages)
        {
            if (!message.Delivered && string.Equals(message.Chunk, chunk, StringComparison.Ordinal))
            {
                message.Delivered = true;
                return message.Records;
            }
        }

        return 0;
    }

    public bool AllDelivered => _messages.TrueForAll(m => m.Delivered);

    public void Clear()
    {
        _bytes.ResetWrittenCount();
        _messages.Clear();
    }

    /// <summary>Fluentd's recommendation: the base64 of 128 random bits.</summary>
    private static string NewChunkId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
}
