using System.Text.Json;
using System.Text.Json.Serialization;
using Levity.Ocpp.Messages;

namespace Levity.Ocpp.Serialization;

/// <summary>Hand-written for the MeterValues hot path; see <see cref="SampledValueConverter"/>.</summary>
internal sealed class MeterValueConverter : JsonConverter<MeterValue>
{
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText SampledValue = JsonEncodedText.Encode("sampledValue");

    public override MeterValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    public override void Write(Utf8JsonWriter writer, MeterValue value, JsonSerializerOptions options) => WriteValue(writer, value);

    internal static MeterValue ReadValue(ref Utf8JsonReader reader)
    {
        OcppJsonReading.ExpectStartObject(ref reader, nameof(MeterValue));
        DateTimeOffset? timestamp = null;
        List<SampledValue>? samples = null;
        Span<byte> buffer = stackalloc byte[16];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Utf8Strings.Unescaped(in reader, buffer);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (name.SequenceEqual("sampledValue"u8))
            {
                OcppJsonReading.ExpectStartArray(ref reader);
                samples = new List<SampledValue>(4);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    samples.Add(SampledValueConverter.ReadValue(ref reader));
                }
            }
            else if (name.SequenceEqual("timestamp"u8))
            {
                timestamp = OcppJsonReading.ReadDateTime(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new MeterValue(
            timestamp ?? throw new JsonException("meterValue.timestamp is required."),
            samples ?? throw new JsonException("meterValue.sampledValue is required."));
    }

    internal static void WriteValue(Utf8JsonWriter writer, MeterValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName(Timestamp);
        Span<byte> time = stackalloc byte[OcppDateTime.FormattedLength];
        OcppDateTime.Format(value.Timestamp, time);
        writer.WriteStringValue(time);
        writer.WriteStartArray(SampledValue);
        foreach (var sample in value.SampledValue)
        {
            SampledValueConverter.WriteValue(writer, sample);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
