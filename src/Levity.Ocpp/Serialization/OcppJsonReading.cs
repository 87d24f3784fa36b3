using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Levity.Ocpp.Serialization;

/// <summary>
/// Token readers for the hand-written converters of the hot-path contracts, lenient in exactly
/// the ways the generated ones are (numbers in strings, enum case, missing offsets). The
/// validator has already decided what is acceptable.
/// </summary>
internal static class OcppJsonReading
{
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a {typeName} object, got {reader.TokenType}.");
        }
    }

    public static void ExpectStartArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array, got {reader.TokenType}.");
        }
    }

    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            Span<byte> buffer = stackalloc byte[32];
            var text = Utf8Strings.Unescaped(in reader, buffer, out var fits);
            if (fits && Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length)
            {
                return value;
            }
        }

        throw new JsonException("Expected a 32-bit integer.");
    }

    public static DateTimeOffset ReadDateTime(ref Utf8JsonReader reader)
    {
        Span<byte> buffer = stackalloc byte[64];
        if (reader.TokenType == JsonTokenType.String && OcppDateTime.TryParse(Utf8Strings.Unescaped(in reader, buffer), out var value, out _))
        {
            return value;
        }

        throw new JsonException("Expected an ISO 8601 date-time.");
    }

    /// <summary>A string, or the exact text of a bare number sent in its place.</summary>
    public static string ReadLenientString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        _ => throw new JsonException($"Expected a string, got {reader.TokenType}."),
    };
}
