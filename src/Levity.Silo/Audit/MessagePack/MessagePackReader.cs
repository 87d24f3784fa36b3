using System.Buffers.Binary;

namespace Levity.Silo.Audit.MessagePack;

/// <summary>
/// Reads the little MessagePack that Fluentd sends back (an ack map), from bytes that may stop
/// mid-value: every method returns false, with the position unchanged, when the value is not of
/// the asked type or not complete yet. Never throws on input.
/// </summary>
internal ref struct MessagePackReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly int Consumed => _position;

    public bool TryReadMapHeader(out int count)
    {
        count = 0;
        if (_position >= _data.Length)
        {
            return false;
        }

        var code = _data[_position];
        if (code is >= MessagePackCode.FixMap and <= MessagePackCode.FixMap + MessagePackCode.MaxFixContainerCount)
        {
            count = code & 0x0f;
            _position++;
            return true;
        }

        return code switch
        {
            MessagePackCode.Map16 => TryReadLength(2, out count),
            MessagePackCode.Map32 => TryReadLength(4, out count),
            _ => false,
        };
    }

    public bool TryReadString(out ReadOnlySpan<byte> utf8)
    {
        utf8 = default;
        if (_position >= _data.Length)
        {
            return false;
        }

        var start = _position;
        var code = _data[_position];
        int length;
        if (code is >= MessagePackCode.FixStr and <= MessagePackCode.FixStr + MessagePackCode.MaxFixStrLength)
        {
            length = code & 0x1f;
            _position++;
        }
        else if (!(code switch
        {
            MessagePackCode.Str8 => TryReadLength(1, out length),
            MessagePackCode.Str16 => TryReadLength(2, out length),
            MessagePackCode.Str32 => TryReadLength(4, out length),
            _ => Fail(out length),
        }))
        {
            return false;
        }

        if (_data.Length - _position < length)
        {
            _position = start;
            return false;
        }

        utf8 = _data.Slice(_position, length);
        _position += length;
        return true;
    }

    /// <summary>Moves past one complete value of any type, nested ones included.</summary>
    public bool TrySkip()
    {
        var start = _position;
        long pending = 1;
        while (pending > 0)
        {
            pending--;
            if (!TrySkipHeader(out var children, out var payload) || _data.Length - _position < payload)
            {
                _position = start;
                return false;
            }

            _position += (int)payload;
            pending += children;
        }

        return true;
    }

    /// <summary>Reads one header; <paramref name="children"/> values and <paramref name="payload"/> bytes follow it.</summary>
    private bool TrySkipHeader(out long children, out long payload)
    {
        children = 0;
        payload = 0;
        if (_position >= _data.Length)
        {
            return false;
        }

        var code = _data[_position];
        switch (code)
        {
            case <= MessagePackCode.MaxPositiveFixInt or >= MessagePackCode.MinNegativeFixInt:
            case MessagePackCode.Nil or MessagePackCode.False or MessagePackCode.True:
                _position++;
                return true;
            case >= MessagePackCode.FixMap and < MessagePackCode.FixArray:
                children = 2 * (code & 0x0f);
                _position++;
                return true;
            case >= MessagePackCode.FixArray and < MessagePackCode.FixStr:
                children = code & 0x0f;
                _position++;
                return true;
            case >= MessagePackCode.FixStr and < MessagePackCode.Nil:
                payload = code & 0x1f;
                _position++;
                return true;
            case MessagePackCode.Bin8 or MessagePackCode.Str8:
                return TryReadSkipLength(1, 0, out payload);
            case MessagePackCode.Bin16 or MessagePackCode.Str16:
                return TryReadSkipLength(2, 0, out payload);
            case MessagePackCode.Bin32 or MessagePackCode.Str32:
                return TryReadSkipLength(4, 0, out payload);
            case MessagePackCode.Ext8:
                return TryReadSkipLength(1, 1, out payload);
            case MessagePackCode.Ext16:
                return TryReadSkipLength(2, 1, out payload);
            case MessagePackCode.Ext32:
                return TryReadSkipLength(4, 1, out payload);
            case MessagePackCode.UInt8 or MessagePackCode.Int8:
                return Fixed(1, out payload);
            case MessagePackCode.UInt16 or MessagePackCode.Int16:
                return Fixed(2, out payload);
            case MessagePackCode.UInt32 or MessagePackCode.Int32 or MessagePackCode.Float32:
                return Fixed(4, out payload);
            case MessagePackCode.UInt64 or MessagePackCode.Int64 or MessagePackCode.Float64:
                return Fixed(8, out payload);
            case MessagePackCode.FixExt1:
                return Fixed(2, out payload);
            case MessagePackCode.FixExt2:
                return Fixed(3, out payload);
            case MessagePackCode.FixExt4:
                return Fixed(5, out payload);
            case MessagePackCode.FixExt8:
                return Fixed(9, out payload);
            case MessagePackCode.FixExt16:
                return Fixed(17, out payload);
            case MessagePackCode.Array16 or MessagePackCode.Array32 or MessagePackCode.Map16 or MessagePackCode.Map32:
                var wide = code is MessagePackCode.Array32 or MessagePackCode.Map32;
                if (!TryReadLength(wide ? 4 : 2, out var count))
                {
                    return false;
                }

                children = code is MessagePackCode.Map16 or MessagePackCode.Map32 ? 2L * count : count;
                return true;
            default:
                // 0xc1 is never used: not MessagePack.
                return false;
        }
    }

    private bool Fixed(int bytes, out long payload)
    {
        _position++;
        payload = bytes;
        return true;
    }

    private bool TryReadSkipLength(int lengthBytes, int typeBytes, out long payload)
    {
        payload = 0;
        if (!TryReadLength(lengthBytes, out var length))
        {
            return false;
        }

        payload = (long)length + typeBytes;
        return true;
    }

    /// <summary>Reads the code byte and a big-endian length of <paramref name="bytes"/> bytes.</summary>
    private bool TryReadLength(int bytes, out int length)
    {
        length = 0;
        if (_data.Length - _position < 1 + bytes)
        {
            return false;
        }

        var field = _data.Slice(_position + 1, bytes);
        var value = bytes switch
        {
            1 => field[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(field),
            _ => BinaryPrimitives.ReadUInt32BigEndian(field),
        };
        if (value > int.MaxValue)
        {
            // Longer than any buffer we would hold: treat as never complete.
            return false;
        }

        length = (int)value;
        _position += 1 + bytes;
        return true;
    }

    private static bool Fail(out int length)
    {
        length = 0;
        return false;
    }
}
