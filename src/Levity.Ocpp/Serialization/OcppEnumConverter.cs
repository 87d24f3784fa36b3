using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Levity.Ocpp.Serialization;

/// <summary>
/// Reads and writes an OCPP enum by its exact spec spelling ("SuspendedEVSE", "L1-N"). Reading
/// also accepts another letter case and the spec's own misspellings; whether that is acceptable
/// was decided by the validator before deserialization. Numbers are never accepted.
/// </summary>
public sealed class OcppEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>Reads the current string token as <typeparamref name="TEnum"/>; for hand-written converters.</summary>
    internal static TEnum ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a {typeof(TEnum).Name} string, got {reader.TokenType}.");
        }

        Span<byte> buffer = stackalloc byte[128];
        var text = Utf8Strings.Unescaped(in reader, buffer);
        if (!OcppEnumNames<TEnum>.TryMatch(text, out var value, out _, out _))
        {
            throw new JsonException($"'{Encoding.UTF8.GetString(text[..Math.Min(text.Length, 64)])}' is not a {typeof(TEnum).Name}.");
        }

        return value;
    }

    internal static void WriteValue(Utf8JsonWriter writer, TEnum value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(OcppEnumNames<TEnum>.Encoded[System.Runtime.CompilerServices.Unsafe.As<TEnum, int>(ref value)]);
    }
}
