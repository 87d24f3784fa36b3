using System.Buffers;
using System.Text.Json;

namespace Levity.Silo.Audit.MessagePack;

/// <summary>
/// Converts JSON to the equivalent MessagePack in one pass, without building a document: object
/// → map, array → array, string → str, integer → the smallest int/uint, other numbers → float64,
/// true/false → bool, null → nil. Strings are unescaped; bytes that are not UTF-8 become U+FFFD,
/// so every str is valid UTF-8 for strict decoders. A number beyond float64's range is kept as
/// the str of its digits rather than turned into infinity.
/// </summary>
public static class JsonToMessagePack
{
    /// <summary>Nesting deeper than this is not valid for the conversion (System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    private const int StackScratch = 256;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>
    /// Writes the single JSON value in <paramref name="json"/>; false, with nothing written, when
    /// <paramref name="json"/> is not exactly one valid JSON value (whitespace around it allowed).
    /// </summary>
    public static bool TryWrite(ReadOnlySpan<byte> json, MessagePackWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var start = writer.Length;
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read())
            {
                return false;
            }

            WriteValue(ref reader, writer);
            if (reader.Read())
            {
                writer.Truncate(start);
                return false;
            }

            return true;
        }
        catch (JsonException)
        {
            writer.Truncate(start);
            return false;
        }
    }

    /// <summary>Writes the value starting at the reader's current token and leaves the reader on its last token.</summary>
    internal static void WriteValue(ref Utf8JsonReader reader, MessagePackWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                WriteObject(ref reader, writer);
                break;
            case JsonTokenType.StartArray:
                WriteArray(ref reader, writer);
                break;
            case JsonTokenType.String:
                WriteString(ref reader, writer);
                break;
            case JsonTokenType.Number:
                WriteNumber(ref reader, writer);
                break;
            case JsonTokenType.True:
                writer.WriteBoolean(true);
                break;
            case JsonTokenType.False:
                writer.WriteBoolean(false);
                break;
            case JsonTokenType.Null:
                writer.WriteNil();
                break;
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    private static void WriteObject(ref Utf8JsonReader reader, MessagePackWriter writer)
    {
        var header = writer.BeginContainer();
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            WriteString(ref reader, writer);
            reader.Read();
            WriteValue(ref reader, writer);
            count++;
        }

        writer.EndMap(header, count);
    }

    private static void WriteArray(ref Utf8JsonReader reader, MessagePackWriter writer)
    {
        var header = writer.BeginContainer();
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            WriteValue(ref reader, writer);
            count++;
        }

        writer.EndArray(header, count);
    }

    private static void WriteNumber(ref Utf8JsonReader reader, MessagePackWriter writer)
    {
        if (reader.TryGetInt64(out var signed))
        {
            writer.WriteInt64(signed);
        }
        else if (reader.TryGetUInt64(out var unsigned))
        {
            writer.WriteUInt64(unsigned);
        }
        else if (reader.TryGetDouble(out var real) && double.IsFinite(real))
        {
            writer.WriteDouble(real);
        }
        else
        {
            // A number is ASCII, so its raw text is a valid str.
            writer.WriteUtf8String(reader.ValueSpan);
        }
    }

    private static void WriteString(ref Utf8JsonReader reader, MessagePackWriter writer)
    {
        if (!reader.ValueIsEscaped)
        {
            writer.WriteStringFromUtf8(reader.ValueSpan);
            return;
        }

        // Unescaping never makes a string longer.
        var escapedLength = reader.ValueSpan.Length;
        byte[]? rented = null;
        var scratch = escapedLength <= StackScratch ? stackalloc byte[StackScratch] : (rented = ArrayPool<byte>.Shared.Rent(escapedLength));
        try
        {
            var written = reader.CopyString(scratch);
            writer.WriteStringFromUtf8(scratch[..written]);
        }
        catch (InvalidOperationException)
        {
            // An escape that decodes to a lone surrogate: keep the text as the charger sent it.
            writer.WriteStringFromUtf8(reader.ValueSpan);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
