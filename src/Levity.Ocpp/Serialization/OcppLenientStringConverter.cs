using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Levity.Ocpp.Serialization;

/// <summary>
/// A string that some chargers send as a bare JSON number (sampledValue.value: 604.213 instead
/// of "604.213"). The number's exact text is kept, so no precision is lost; the validator
/// decides whether the bare number is tolerated.
/// </summary>
public sealed class OcppLenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            _ => throw new JsonException($"Expected a string, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
