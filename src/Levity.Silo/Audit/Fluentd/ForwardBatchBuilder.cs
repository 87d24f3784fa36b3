using System.Buffers;
using Levity.Silo.Audit.Records;
using MessagePack;

namespace Levity.Silo.Audit.Fluentd;

/// <summary>
/// Collects encoded records per tag as Forward entries (<c>[EventTime, record]</c>) in the
/// MessagePackEventStream a PackedForward message carries, then turns each tag's stream into one
/// message of a <see cref="ForwardBatch"/>. Keeps its buffers between batches.
/// </summary>
internal sealed class ForwardBatchBuilder(AuditTags tags)
{
    private readonly ArrayBufferWriter<byte>?[] _streams = new ArrayBufferWriter<byte>?[AuditTags.Count];
    private readonly int[] _counts = new int[AuditTags.Count];
    private readonly List<int> _used = [];

    public int Records { get; private set; }

    public int Bytes { get; private set; }

    public void Add(int tagId, long utcTicks, ReadOnlySpan<byte> record)
    {
        var stream = _streams[tagId] ??= new ArrayBufferWriter<byte>(4096);
        if (_counts[tagId]++ == 0)
        {
            _used.Add(tagId);
        }

        var before = stream.WrittenCount;
        var writer = new MessagePackWriter(stream);
        writer.WriteArrayHeader(2);
        ForwardEventTime.Write(ref writer, utcTicks);
        writer.WriteRaw(record);
        writer.Flush();
        Bytes += stream.WrittenCount - before;
        Records++;
    }

    /// <summary>Discards what was collected; returns how many records that was.</summary>
    public int Clear()
    {
        var records = Records;
        foreach (var tagId in _used)
        {
            _streams[tagId]!.ResetWrittenCount();
            _counts[tagId] = 0;
        }

        _used.Clear();
        Records = 0;
        Bytes = 0;
        return records;
    }

    /// <summary>Moves everything collected into <paramref name="batch"/>, in the order tags first appeared.</summary>
    public void MoveTo(ForwardBatch batch, bool withChunks)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var tagId in _used)
        {
            var stream = _streams[tagId]!;
            batch.Add(tags[tagId], stream.WrittenSpan, _counts[tagId], withChunks);
            stream.ResetWrittenCount();
            _counts[tagId] = 0;
        }

        _used.Clear();
        Records = 0;
        Bytes = 0;
    }
}
