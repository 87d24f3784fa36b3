using System.Buffers;

namespace Levity.Ocpp.Framing;

/// <summary>
/// Collects the fragments of one WebSocket message into a pooled buffer that never grows past
/// the frame limit. A longer message is still read to its end (so the connection stays in
/// step) but into a scratch buffer: only its first bytes are kept, enough to recover the
/// message id for the CALLERROR. The buffer is rented for a message and returned at
/// <see cref="Reset"/>, so an idle connection holds none. One per connection; not thread-safe.
/// </summary>
/// <example>
/// <code>
/// while (true)
/// {
///     var result = await socket.ReceiveAsync(assembler.GetReceiveBuffer(), ct);
///     if (assembler.Advance(result.Count, result.EndOfMessage))
///     {
///         var inbound = session.Receive(assembler);
///         // ... act on inbound, then:
///         assembler.Reset();
///     }
/// }
/// </code>
/// </example>
public sealed class OcppFrameAssembler : IDisposable
{
    private const int InitialSize = 4096;

    private readonly int _maxFrameBytes;
    private byte[] _buffer;
    private byte[]? _scratch;
    private int _count;
    private long _length;
    private bool _complete;

    public OcppFrameAssembler(int maxFrameBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 1);
        _maxFrameBytes = maxFrameBytes;
        _buffer = [];
    }

    /// <summary>Length of the completed message, including any bytes that were not kept.</summary>
    public long MessageLength => _length;

    /// <summary>Whether the completed message exceeded the limit; then <see cref="Frame"/> is only its head.</summary>
    public bool IsOversized => _length > _maxFrameBytes;

    /// <summary>The completed message (or its head when oversized); valid until <see cref="Reset"/>.</summary>
    public ReadOnlyMemory<byte> Frame => _complete ? _buffer.AsMemory(0, _count) : throw new InvalidOperationException("No complete message.");

    /// <summary>Where the next WebSocket receive should write.</summary>
    public Memory<byte> GetReceiveBuffer()
    {
        if (_count < _maxFrameBytes)
        {
            if (_buffer.Length == 0)
            {
                _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialSize, _maxFrameBytes));
            }
            else if (_count == _buffer.Length)
            {
                Grow();
            }

            return _buffer.AsMemory(_count, Math.Min(_buffer.Length, _maxFrameBytes) - _count);
        }

        // Over the limit: read on, keep nothing more.
        _scratch ??= new byte[InitialSize];
        return _scratch;
    }

    /// <summary>Records a receive of <paramref name="count"/> bytes; true when the message is complete.</summary>
    public bool Advance(int count, bool endOfMessage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_complete)
        {
            throw new InvalidOperationException("Reset before receiving the next message.");
        }

        if (_count < _maxFrameBytes)
        {
            _count += count;
        }

        _length += count;
        _complete = endOfMessage;
        return endOfMessage;
    }

    /// <summary>Starts the next message and gives the buffer back; the previous <see cref="Frame"/> is no longer valid.</summary>
    public void Reset()
    {
        _count = 0;
        _length = 0;
        _complete = false;
        ReturnBuffer();
    }

    public void Dispose() => ReturnBuffer();

    private void ReturnBuffer()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, _maxFrameBytes));
        _buffer.AsSpan(0, _count).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
