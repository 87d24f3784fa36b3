using System.Buffers;
using System.Text;
using MessagePack;

namespace Levity.Tests.Audit.Support;

/// <summary>An extension value as decoded: its type and data bytes.</summary>
internal sealed record MsgPackExt(sbyte Type, byte[] Data);

/// <summary>
/// Decodes MessagePack to plain objects with the library's reader: null, bool, long (ulong above
/// long.MaxValue), double (float32 widened), string (strict UTF-8), byte[], List&lt;object?&gt;,
/// Dictionary&lt;object, object?&gt; (string keys stay strings) and <see cref="MsgPackExt"/>. The
/// library also writes what is decoded here; <see cref="PythonMsgpackTests"/> is the independent check.
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
        var reader = new MessagePackReader(data.ToArray());
        try
        {
            while (!reader.End)
            {
                values.Add(Read(ref reader));
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("incomplete MessagePack value in stream", e);
        }

        return values;
    }

    /// <summary>False when <paramref name="data"/> ends before the value does; throws on bytes that are not MessagePack.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, out object? value, out int consumed)
    {
        var reader = new MessagePackReader(data.ToArray());
        try
        {
            value = Read(ref reader);
            consumed = (int)reader.Consumed;
            return true;
        }
        catch (EndOfStreamException)
        {
            value = null;
            consumed = 0;
            return false;
        }
    }

    private static object? Read(ref MessagePackReader reader)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                return null;
            case MessagePackType.Boolean:
                return reader.ReadBoolean();
            case MessagePackType.Integer:
                return reader.NextCode == MessagePackCode.UInt64 ? Unsigned(reader.ReadUInt64()) : reader.ReadInt64();
            case MessagePackType.Float:
                return reader.ReadDouble();
            case MessagePackType.String:
                return StrictUtf8.GetString(reader.ReadStringSequence()!.Value);
            case MessagePackType.Binary:
                return reader.ReadBytes()!.Value.ToArray();
            case MessagePackType.Array:
                var count = reader.ReadArrayHeader();
                var items = new List<object?>(count);
                for (var i = 0; i < count; i++)
                {
                    items.Add(Read(ref reader));
                }

                return items;
            case MessagePackType.Map:
                count = reader.ReadMapHeader();
                var map = new Dictionary<object, object?>(count);
                for (var i = 0; i < count; i++)
                {
                    var key = Read(ref reader) ?? throw new InvalidDataException("nil map key");
                    map.Add(key, Read(ref reader));
                }

                return map;
            case MessagePackType.Extension:
                var extension = reader.ReadExtensionFormat();
                return new MsgPackExt(extension.TypeCode, extension.Data.ToArray());
            default:
                throw new InvalidDataException($"0x{reader.NextCode:x2} is not a MessagePack format");
        }
    }

    // Boxed here on purpose: long where it fits (as the other integer formats), ulong only above.
#pragma warning disable CA1859
    private static object Unsigned(ulong value) => value <= long.MaxValue ? (long)value : value;
#pragma warning restore CA1859
}
