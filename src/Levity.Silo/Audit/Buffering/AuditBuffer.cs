using System.Threading.Channels;

namespace Levity.Silo.Audit.Buffering;

/// <summary>
/// The bounded in-memory queue between the OCPP path (many producers) and the audit sender (one
/// consumer). Fixed memory: a ring of entries and a ring of frame bytes, both allocated once.
/// When either is full the oldest entries make room: adding never waits and never fails, it
/// reports how many entries it pushed out.
/// </summary>
internal sealed class AuditBuffer
{
    private readonly Lock _lock = new();
    private readonly AuditEntry[] _entries;
    private readonly byte[] _bytes;

    // Capacity 1 with DropWrite: any number of adds coalesce into one wake-up.
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private int _entryHead;
    private int _entryCount;
    private int _byteHead;
    private int _byteCount;

    public AuditBuffer(int capacityBytes, int capacityEntries)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityEntries);
        _bytes = new byte[capacityBytes];
        _entries = new AuditEntry[capacityEntries];
    }

    public int CapacityBytes => _bytes.Length;

    public int Count => Volatile.Read(ref _entryCount);

    public int Bytes => Volatile.Read(ref _byteCount);

    /// <summary>
    /// Appends an entry and its frame bytes; returns how many entries were dropped to make room
    /// (1 and nothing stored when the frame alone is larger than the whole buffer).
    /// </summary>
    public int Add(AuditEntryKind kind, long utcTicks, string chargePointId, string? remoteAddress, ReadOnlySpan<byte> frame)
    {
        if (frame.Length > _bytes.Length)
        {
            return 1;
        }

        var dropped = 0;
        lock (_lock)
        {
            while (_entryCount == _entries.Length || _bytes.Length - _byteCount < frame.Length)
            {
                RemoveOldest();
                dropped++;
            }

            var tail = (_byteHead + _byteCount) % _bytes.Length;
            var first = Math.Min(frame.Length, _bytes.Length - tail);
            frame[..first].CopyTo(_bytes.AsSpan(tail));
            frame[first..].CopyTo(_bytes);
            _entries[(_entryHead + _entryCount) % _entries.Length] = new AuditEntry(kind, utcTicks, chargePointId, remoteAddress, frame.Length);
            _byteCount += frame.Length;
            _entryCount++;
        }

        _signal.Writer.TryWrite(true);
        return dropped;
    }

    /// <summary>Takes the oldest entry and copies its frame bytes into <paramref name="frame"/>, growing it if needed.</summary>
    public bool TryTake(out AuditEntry entry, ref byte[] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        lock (_lock)
        {
            if (_entryCount == 0)
            {
                entry = default;
                return false;
            }

            entry = _entries[_entryHead];
            if (frame.Length < entry.FrameLength)
            {
                frame = new byte[Math.Max(entry.FrameLength, frame.Length * 2)];
            }

            var first = Math.Min(entry.FrameLength, _bytes.Length - _byteHead);
            _bytes.AsSpan(_byteHead, first).CopyTo(frame);
            _bytes.AsSpan(0, entry.FrameLength - first).CopyTo(frame.AsSpan(first));
            RemoveOldest();
            return true;
        }
    }

    /// <summary>Completes when entries may be waiting (at once if some are already).</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (Count == 0)
        {
            await _signal.Reader.WaitToReadAsync(cancellationToken);
            _signal.Reader.TryRead(out _);
        }
    }

    /// <summary>Empties the buffer; returns how many entries it held.</summary>
    public int Clear()
    {
        lock (_lock)
        {
            var count = _entryCount;
            _entryHead = _entryCount = _byteHead = _byteCount = 0;
            Array.Clear(_entries);
            return count;
        }
    }

    private void RemoveOldest()
    {
        var length = _entries[_entryHead].FrameLength;
        _entries[_entryHead] = default;
        _entryHead = (_entryHead + 1) % _entries.Length;
        _entryCount--;
        _byteHead = _byteCount == length ? 0 : (_byteHead + length) % _bytes.Length;
        _byteCount -= length;
    }
}
