using System.Buffers;
using System.Text.Json;
using MessagePack;

namespace Levity.Silo.Audit.MessagePack;

/// <summary>
/// Converts JSON to the equivalent MessagePack without building a document: object → map,
/// array → array, string → str, integer → the smallest int/uint, other numbers → float64,
/// true/false → bool, null → nil. Strings are unescaped; bytes that are not UTF-8 become U+FFFD,
/// so every str is valid UTF-8 for strict decoders. A number beyond float64's range is kept as
/// the str of its digits rather than turned into infinity.
/// </summary>
/// <remarks>
/// Two passes over the JSON: the first validates it and counts the elements of every container
/// (a MessagePack header carries the count up front, and the library's writer cannot go back);
/// the second writes. So an invalid document writes nothing.
/// </remarks>
public static class JsonToMessagePack
{
    /// <summary>Nesting deeper than this is not valid for the conversion (System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    private const int StackScratch = 256;

    // Enough for an OCPP payload; a larger document rents a larger array from the pool.
    private const int InitialContainers = 64;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>
    /// Writes the single JSON value in <paramref name="json"/>; false, with nothing written, when
    /// <paramref name="json"/> is not exactly one valid JSON value (whitespace around it allowed).
    /// </summary>
    public static bool TryWrite(ReadOnlySpan<byte> json, ref MessagePackWriter writer)
    {
        var counts = ArrayPool<int>.Shared.Rent(InitialContainers);
        try
        {
            if (!TryCount(json, ref counts))
            {
                return false;
            }

            Write(json, counts, ref writer);
            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>
    /// The first pass: false unless <paramref name="json"/> is one valid JSON value; otherwise
    /// <paramref name="counts"/> holds the element count of each container in the order they open.
    /// </summary>
    private static bool TryCount(ReadOnlySpan<byte> json, ref int[] counts)
    {
        // The containers around the current token, as indexes into counts.
        Span<int> open = stackalloc int[MaxDepth + 1];
        var depth = 0;
        var containers = 0;
        var previous = JsonTokenType.None;
        try
        {
            // Refuses a second top-level value and ends of input inside a container by throwing.
            var reader = new Utf8JsonReader(json, ReaderOptions);
            while (reader.Read())
            {
                var token = reader.TokenType;
                switch (token)
                {
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        depth--;
                        break;
                    case JsonTokenType.PropertyName:
                        counts[open[depth - 1]]++;
                        break;
                    default:
                        // A value directly after a property name is the property's; otherwise an array element.
                        if (depth > 0 && previous != JsonTokenType.PropertyName)
                        {
                            counts[open[depth - 1]]++;
                        }

                        if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            if (containers == counts.Length)
                            {
                                Grow(ref counts);
                            }

                            counts[containers] = 0;
                            open[depth++] = containers++;
                        }

                        break;
                }

                previous = token;
            }

            return previous != JsonTokenType.None && depth == 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The second pass, over JSON the first has validated and counted.</summary>
    private static void Write(ReadOnlySpan<byte> json, int[] counts, ref MessagePackWriter writer)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        var container = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    writer.WriteMapHeader(counts[container++]);
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteArrayHeader(counts[container++]);
                    break;
                case JsonTokenType.PropertyName or JsonTokenType.String:
                    WriteString(ref reader, ref writer);
                    break;
                case JsonTokenType.Number:
                    WriteNumber(ref reader, ref writer);
                    break;
                case JsonTokenType.True:
                    writer.Write(true);
                    break;
                case JsonTokenType.False:
                    writer.Write(false);
                    break;
                case JsonTokenType.Null:
                    writer.WriteNil();
                    break;
                default:
                    // The end of an object or array: its header carried the count.
                    break;
            }
        }
    }

    private static void WriteNumber(ref Utf8JsonReader reader, ref MessagePackWriter writer)
    {
        if (reader.TryGetInt64(out var signed))
        {
            writer.Write(signed);
        }
        else if (reader.TryGetUInt64(out var unsigned))
        {
            writer.Write(unsigned);
        }
        else if (reader.TryGetDouble(out var real) && double.IsFinite(real))
        {
            writer.Write(real);
        }
        else
        {
            // A number is ASCII, so its raw text is a valid str.
            writer.WriteString(reader.ValueSpan);
        }
    }

    private static void WriteString(ref Utf8JsonReader reader, ref MessagePackWriter writer)
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

    private static void Grow(ref int[] counts)
    {
        var larger = ArrayPool<int>.Shared.Rent(counts.Length * 2);
        counts.CopyTo(larger, 0);
        ArrayPool<int>.Shared.Return(counts);
        counts = larger;
    }
}
