using System.Buffers.Binary;
using System.Text;

namespace Levity.Tests.Audit.Support;

/// <summary>An extension value as decoded: its type and data bytes.</summary>
internal sealed record MsgPackExt(sbyte Type, byte[] Data);

/// <summary>
/// The tests' own MessagePack decoder, written from the specification independently of the
/// encoder under test, so a shared misunderstanding cannot cancel out. Decodes to plain objects:
/// null, bool, long (ulong above long.MaxValue), double (float32 widened), string, byte[],
/// List&lt;object?&gt;, Dictionary&lt;object, object?&gt; (string keys stay strings) and <see cref="MsgPackExt"/>.
/// </summary>
internal static class MsgPackDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static object? Decode(ReadOnlySpan<byte> data)
    {
        if (!TryDecode(data, out var value, out var consumed))
        {
            throw new InvalidDataException("incomplete MessagePack value");
        }

        if (consumed != data.Length)
        {
            throw new InvalidDataException($"{data.Length - consumed} bytes after the value");
        }

        return value;
    }

    /// <summary>Decodes a sequence of values that fills <paramref name="data"/> exactly (a MessagePackEventStream).</summary>
    public static List<object?> DecodeAll(ReadOnlySpan<byte> data)
    {
        var values = new List<object?>();
        while (!data.IsEmpty)
        {
            if (!TryDecode(data, out var value, out var consumed))
            {
                throw new InvalidDataException("incomplete MessagePack value in stream");
            }

            values.Add(value);
            data = data[consumed..];
        }

        return values;
    }

    /// <summary>False when <paramref name="data"/> ends before the value does; throws on bytes that are not MessagePack.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, out object? value, out int consumed)
    {
        var position = 0;
        try
        {
            value = Read(data, ref position);
            consumed = position;
            return true;
        }
        catch (EndOfStreamException)
        {
            value = null;
            consumed = 0;
            return false;
        }
    }

    private static object? Read(ReadOnlySpan<byte> data, ref int p)
    {
        var code = Take(data, ref p, 1)[0];
        if (code <= 0x7f)
        {
            return (long)code;
        }

        if (code >= 0xe0)
        {
            return (long)(sbyte)code;
        }

        if (code is >= 0x80 and <= 0x8f)
        {
            return ReadMap(data, ref p, code & 0x0f);
        }

        if (code is >= 0x90 and <= 0x9f)
        {
            return ReadArray(data, ref p, code & 0x0f);
        }

        if (code is >= 0xa0 and <= 0xbf)
        {
            return Str(Take(data, ref p, code & 0x1f));
        }

        return code switch
        {
            0xc0 => null,
            0xc2 => false,
            0xc3 => true,
            0xc4 => Take(data, ref p, Length(data, ref p, 1)).ToArray(),
            0xc5 => Take(data, ref p, Length(data, ref p, 2)).ToArray(),
            0xc6 => Take(data, ref p, Length(data, ref p, 4)).ToArray(),
            0xc7 => Ext(data, ref p, Length(data, ref p, 1)),
            0xc8 => Ext(data, ref p, Length(data, ref p, 2)),
            0xc9 => Ext(data, ref p, Length(data, ref p, 4)),
            0xca => (double)BinaryPrimitives.ReadSingleBigEndian(Take(data, ref p, 4)),
            0xcb => BinaryPrimitives.ReadDoubleBigEndian(Take(data, ref p, 8)),
            0xcc => (long)Take(data, ref p, 1)[0],
            0xcd => (long)BinaryPrimitives.ReadUInt16BigEndian(Take(data, ref p, 2)),
            0xce => (long)BinaryPrimitives.ReadUInt32BigEndian(Take(data, ref p, 4)),
            0xcf => Unsigned(BinaryPrimitives.ReadUInt64BigEndian(Take(data, ref p, 8))),
            0xd0 => (long)(sbyte)Take(data, ref p, 1)[0],
            0xd1 => (long)BinaryPrimitives.ReadInt16BigEndian(Take(data, ref p, 2)),
            0xd2 => (long)BinaryPrimitives.ReadInt32BigEndian(Take(data, ref p, 4)),
            0xd3 => BinaryPrimitives.ReadInt64BigEndian(Take(data, ref p, 8)),
            0xd4 => Ext(data, ref p, 1),
            0xd5 => Ext(data, ref p, 2),
            0xd6 => Ext(data, ref p, 4),
            0xd7 => Ext(data, ref p, 8),
            0xd8 => Ext(data, ref p, 16),
            0xd9 => Str(Take(data, ref p, Length(data, ref p, 1))),
            0xda => Str(Take(data, ref p, Length(data, ref p, 2))),
            0xdb => Str(Take(data, ref p, Length(data, ref p, 4))),
            0xdc => ReadArray(data, ref p, Length(data, ref p, 2)),
            0xdd => ReadArray(data, ref p, Length(data, ref p, 4)),
            0xde => ReadMap(data, ref p, Length(data, ref p, 2)),
            0xdf => ReadMap(data, ref p, Length(data, ref p, 4)),
            _ => throw new InvalidDataException($"0x{code:x2} is not a MessagePack format"),
        };
    }

    // Boxed here on purpose: long where it fits (as the other integer formats), ulong only above.
#pragma warning disable CA1859
    private static object Unsigned(ulong value) => value <= long.MaxValue ? (long)value : value;
#pragma warning restore CA1859

    private static List<object?> ReadArray(ReadOnlySpan<byte> data, ref int p, int count)
    {
        var items = new List<object?>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            items.Add(Read(data, ref p));
        }

        return items;
    }

    private static Dictionary<object, object?> ReadMap(ReadOnlySpan<byte> data, ref int p, int count)
    {
        var map = new Dictionary<object, object?>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            var key = Read(data, ref p) ?? throw new InvalidDataException("nil map key");
            map.Add(key, Read(data, ref p));
        }

        return map;
    }

    private static MsgPackExt Ext(ReadOnlySpan<byte> data, ref int p, int length)
    {
        var type = (sbyte)Take(data, ref p, 1)[0];
        return new MsgPackExt(type, Take(data, ref p, length).ToArray());
    }

    private static string Str(ReadOnlySpan<byte> utf8) => StrictUtf8.GetString(utf8);

    private static int Length(ReadOnlySpan<byte> data, ref int p, int bytes)
    {
        var field = Take(data, ref p, bytes);
        var value = bytes switch
        {
            1 => field[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(field),
            _ => BinaryPrimitives.ReadUInt32BigEndian(field),
        };
        return checked((int)value);
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int p, int count)
    {
        if (data.Length - p < count)
        {
            throw new EndOfStreamException();
        }

        var slice = data.Slice(p, count);
        p += count;
        return slice;
    }
}
