using System.Text.Json;
using System.Text.Json.Serialization;

namespace Levity.Ocpp.Serialization;

/// <summary>
/// Reads OCPP date-times (a missing offset means UTC; the validator has already decided whether
/// that is acceptable) and writes them as UTC with milliseconds and 'Z'.
/// </summary>
public sealed class OcppDateTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date-time string, got {reader.TokenType}.");
        }

        Span<byte> buffer = stackalloc byte[64];
        var text = Utf8Strings.Unescaped(in reader, buffer);
        if (!OcppDateTime.TryParse(text, out var value, out _))
        {
            throw new JsonException("Not an ISO 8601 date-time.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[OcppDateTime.FormattedLength];
        OcppDateTime.Format(value, buffer);
        writer.WriteStringValue(buffer);
    }
}
