using System.Buffers.Binary;
using System.Text;
using Utf8Validation = System.Text.Unicode.Utf8;

namespace Levity.Silo.Audit.MessagePack;

/// <summary>
/// Writes MessagePack into a growable buffer it owns, always in the smallest format the
/// specification allows for a value (fixint before uint8, fixstr before str8, and so on).
/// Reusable: <see cref="Clear"/> keeps the buffer, so a long-lived writer stops allocating once
/// it has grown to its working size. Not thread-safe.
/// </summary>
public sealed class MessagePackWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private byte[] _buffer;
    private int _length;

    public MessagePackWriter(int initialCapacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapacity);
        _buffer = new byte[initialCapacity];
    }

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Clear() => _length = 0;

    /// <summary>Drops everything written after <paramref name="length"/> (undoes a partly written value).</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length);
        _length = length;
    }

    public void WriteNil() => WriteByte(MessagePackCode.Nil);

    public void WriteBoolean(bool value) => WriteByte(value ? MessagePackCode.True : MessagePackCode.False);

    public void WriteInt64(long value)
    {
        if (value >= 0)
        {
            WriteUInt64((ulong)value);
        }
        else if (value >= -32)
        {
            WriteByte(unchecked((byte)(sbyte)value));
        }
        else if (value >= sbyte.MinValue)
        {
            var span = Reserve(2);
            span[0] = MessagePackCode.Int8;
            span[1] = unchecked((byte)(sbyte)value);
        }
        else if (value >= short.MinValue)
        {
            var span = Reserve(3);
            span[0] = MessagePackCode.Int16;
            BinaryPrimitives.WriteInt16BigEndian(span[1..], (short)value);
        }
        else if (value >= int.MinValue)
        {
            var span = Reserve(5);
            span[0] = MessagePackCode.Int32;
            BinaryPrimitives.WriteInt32BigEndian(span[1..], (int)value);
        }
        else
        {
            var span = Reserve(9);
            span[0] = MessagePackCode.Int64;
            BinaryPrimitives.WriteInt64BigEndian(span[1..], value);
        }
    }

    public void WriteUInt64(ulong value)
    {
        if (value <= MessagePackCode.MaxPositiveFixInt)
        {
            WriteByte((byte)value);
        }
        else if (value <= byte.MaxValue)
        {
            var span = Reserve(2);
            span[0] = MessagePackCode.UInt8;
            span[1] = (byte)value;
        }
        else if (value <= ushort.MaxValue)
        {
            var span = Reserve(3);
            span[0] = MessagePackCode.UInt16;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)value);
        }
        else if (value <= uint.MaxValue)
        {
            var span = Reserve(5);
            span[0] = MessagePackCode.UInt32;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)value);
        }
        else
        {
            var span = Reserve(9);
            span[0] = MessagePackCode.UInt64;
            BinaryPrimitives.WriteUInt64BigEndian(span[1..], value);
        }
    }

    /// <summary>float64 (IEEE 754 double, big-endian), NaN and infinities included.</summary>
    public void WriteDouble(double value)
    {
        var span = Reserve(9);
        span[0] = MessagePackCode.Float64;
        BinaryPrimitives.WriteDoubleBigEndian(span[1..], value);
    }

    /// <summary>A str of the UTF-8 encoding of <paramref name="value"/> (lone surrogates become U+FFFD).</summary>
    public void WriteString(ReadOnlySpan<char> value)
    {
        var byteCount = Utf8.GetByteCount(value);
        WriteStringHeader(byteCount);
        Utf8.GetBytes(value, Reserve(byteCount));
    }

    /// <summary>A str, or nil when <paramref name="value"/> is null.</summary>
    public void WriteStringOrNil(string? value)
    {
        if (value is null)
        {
            WriteNil();
        }
        else
        {
            WriteString(value);
        }
    }

    /// <summary>A str of bytes the caller guarantees to be UTF-8.</summary>
    public void WriteUtf8String(ReadOnlySpan<byte> utf8)
    {
        WriteStringHeader(utf8.Length);
        WriteRaw(utf8);
    }

    /// <summary>
    /// A str of bytes that should be UTF-8 but come from outside (a charger's frame): invalid
    /// sequences become U+FFFD, so strict decoders never fail on the record.
    /// </summary>
    public void WriteStringFromUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8Validation.IsValid(bytes))
        {
            WriteUtf8String(bytes);
        }
        else
        {
            WriteString(Utf8.GetString(bytes));
        }
    }

    public void WriteStringHeader(int byteLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteLength);
        if (byteLength <= MessagePackCode.MaxFixStrLength)
        {
            WriteByte((byte)(MessagePackCode.FixStr | byteLength));
        }
        else if (byteLength <= byte.MaxValue)
        {
            var span = Reserve(2);
            span[0] = MessagePackCode.Str8;
            span[1] = (byte)byteLength;
        }
        else
        {
            WriteSized(MessagePackCode.Str16, MessagePackCode.Str32, byteLength);
        }
    }

    public void WriteBinary(ReadOnlySpan<byte> data)
    {
        WriteBinaryHeader(data.Length);
        WriteRaw(data);
    }

    public void WriteBinaryHeader(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length <= byte.MaxValue)
        {
            var span = Reserve(2);
            span[0] = MessagePackCode.Bin8;
            span[1] = (byte)length;
        }
        else
        {
            WriteSized(MessagePackCode.Bin16, MessagePackCode.Bin32, length);
        }
    }

    public void WriteArrayHeader(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count <= MessagePackCode.MaxFixContainerCount)
        {
            WriteByte((byte)(MessagePackCode.FixArray | count));
        }
        else
        {
            WriteSized(MessagePackCode.Array16, MessagePackCode.Array32, count);
        }
    }

    public void WriteMapHeader(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count <= MessagePackCode.MaxFixContainerCount)
        {
            WriteByte((byte)(MessagePackCode.FixMap | count));
        }
        else
        {
            WriteSized(MessagePackCode.Map16, MessagePackCode.Map32, count);
        }
    }

    /// <summary>The header of an extension value; <paramref name="length"/> data bytes must follow.</summary>
    public void WriteExtensionHeader(sbyte type, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var code = length switch
        {
            1 => MessagePackCode.FixExt1,
            2 => MessagePackCode.FixExt2,
            4 => MessagePackCode.FixExt4,
            8 => MessagePackCode.FixExt8,
            16 => MessagePackCode.FixExt16,
            _ => (byte)0,
        };
        if (code != 0)
        {
            var span = Reserve(2);
            span[0] = code;
            span[1] = unchecked((byte)type);
            return;
        }

        if (length <= byte.MaxValue)
        {
            var span = Reserve(3);
            span[0] = MessagePackCode.Ext8;
            span[1] = (byte)length;
            span[2] = unchecked((byte)type);
        }
        else if (length <= ushort.MaxValue)
        {
            var span = Reserve(4);
            span[0] = MessagePackCode.Ext16;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)length);
            span[3] = unchecked((byte)type);
        }
        else
        {
            var span = Reserve(6);
            span[0] = MessagePackCode.Ext32;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
            span[5] = unchecked((byte)type);
        }
    }

    public void WriteExtension(sbyte type, ReadOnlySpan<byte> data)
    {
        WriteExtensionHeader(type, data.Length);
        WriteRaw(data);
    }

    /// <summary>Bytes that already are MessagePack (or the data of a header written before).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>Reserves <paramref name="size"/> bytes at the end and returns them for the caller to fill.</summary>
    public Span<byte> Reserve(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        EnsureCapacity(size);
        var span = _buffer.AsSpan(_length, size);
        _length += size;
        return span;
    }

    /// <summary>
    /// Starts a map or array whose size is not known yet: reserves the one byte a fixmap or
    /// fixarray header needs. <see cref="EndMap"/> / <see cref="EndArray"/> write the header and,
    /// for more than 15 elements, move the content to make room for a longer one.
    /// </summary>
    internal int BeginContainer()
    {
        var start = _length;
        WriteByte(0);
        return start;
    }

    internal void EndMap(int start, int count) => EndContainer(start, count, MessagePackCode.FixMap, MessagePackCode.Map16, MessagePackCode.Map32);

    internal void EndArray(int start, int count) => EndContainer(start, count, MessagePackCode.FixArray, MessagePackCode.Array16, MessagePackCode.Array32);

    private void EndContainer(int start, int count, byte fix, byte code16, byte code32)
    {
        if (count <= MessagePackCode.MaxFixContainerCount)
        {
            _buffer[start] = (byte)(fix | count);
            return;
        }

        var extra = count <= ushort.MaxValue ? 2 : 4;
        EnsureCapacity(extra);
        var contentLength = _length - start - 1;
        _buffer.AsSpan(start + 1, contentLength).CopyTo(_buffer.AsSpan(start + 1 + extra));
        _length += extra;
        var header = _buffer.AsSpan(start, 1 + extra);
        if (extra == 2)
        {
            header[0] = code16;
            BinaryPrimitives.WriteUInt16BigEndian(header[1..], (ushort)count);
        }
        else
        {
            header[0] = code32;
            BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)count);
        }
    }

    private void WriteSized(byte code16, byte code32, int size)
    {
        if (size <= ushort.MaxValue)
        {
            var span = Reserve(3);
            span[0] = code16;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)size);
        }
        else
        {
            var span = Reserve(5);
            span[0] = code32;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        }
    }

    private void WriteByte(byte value)
    {
        EnsureCapacity(1);
        _buffer[_length++] = value;
    }

    private void EnsureCapacity(int more)
    {
        if (_buffer.Length - _length >= more)
        {
            return;
        }

        var needed = (long)_length + more;
        var size = Math.Max(needed, Math.Min((long)_buffer.Length * 2, Array.MaxLength));
        if (size > Array.MaxLength)
        {
            throw new InvalidOperationException($"MessagePack buffer cannot grow to {needed} bytes.");
        }

        Array.Resize(ref _buffer, (int)size);
    }
}
