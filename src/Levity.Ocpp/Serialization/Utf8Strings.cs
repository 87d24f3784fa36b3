using System.Text.Json;

namespace Levity.Ocpp.Serialization;

/// <summary>Access to the bytes of a JSON string token without allocating.</summary>
internal static class Utf8Strings
{
    /// <summary>
    /// The unescaped bytes of the current string or property-name token: the raw span when it
    /// has no escapes, else a copy unescaped into <paramref name="buffer"/>. An escaped value that
    /// does not fit the buffer comes back empty-but-flagged via <paramref name="fits"/>.
    /// </summary>
    public static ReadOnlySpan<byte> Unescaped(in Utf8JsonReader reader, Span<byte> buffer, out bool fits)
    {
        fits = true;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return reader.ValueSpan;
        }

        // Unescaping never lengthens a string, so the escaped length bounds the result.
        var escapedLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (escapedLength > buffer.Length)
        {
            fits = false;
            return default;
        }

        var written = reader.CopyString(buffer);
        return buffer[..written];
    }

    /// <summary>Like <see cref="Unescaped(in Utf8JsonReader, Span{byte}, out bool)"/>, treating a value too long for the buffer as empty.</summary>
    public static ReadOnlySpan<byte> Unescaped(in Utf8JsonReader reader, Span<byte> buffer) =>
        Unescaped(in reader, buffer, out _);
}
