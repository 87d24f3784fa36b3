using System.Text.Json;
using System.Text.Json.Serialization;
using Levity.Ocpp.Messages;

namespace Levity.Ocpp.Serialization;

/// <summary>Hand-written for the MeterValues hot path; see <see cref="SampledValueConverter"/>.</summary>
internal sealed class MeterValuesRequestConverter : JsonConverter<MeterValuesRequest>
{
    private static readonly JsonEncodedText ConnectorId = JsonEncodedText.Encode("connectorId");
    private static readonly JsonEncodedText TransactionId = JsonEncodedText.Encode("transactionId");
    private static readonly JsonEncodedText MeterValue = JsonEncodedText.Encode("meterValue");

    public override MeterValuesRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        OcppJsonReading.ExpectStartObject(ref reader, nameof(MeterValuesRequest));
        int? connectorId = null;
        int? transactionId = null;
        List<MeterValue>? meterValues = null;
        Span<byte> buffer = stackalloc byte[16];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Utf8Strings.Unescaped(in reader, buffer);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (name.SequenceEqual("meterValue"u8))
            {
                OcppJsonReading.ExpectStartArray(ref reader);
                meterValues = new List<MeterValue>(1);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    meterValues.Add(MeterValueConverter.ReadValue(ref reader));
                }
            }
            else if (name.SequenceEqual("connectorId"u8))
            {
                connectorId = OcppJsonReading.ReadInt32(ref reader);
            }
            else if (name.SequenceEqual("transactionId"u8))
            {
                transactionId = OcppJsonReading.ReadInt32(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new MeterValuesRequest(
            connectorId ?? throw new JsonException("connectorId is required."),
            meterValues ?? throw new JsonException("meterValue is required."),
            transactionId);
    }

    public override void Write(Utf8JsonWriter writer, MeterValuesRequest value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber(ConnectorId, value.ConnectorId);
        writer.WriteStartArray(MeterValue);
        foreach (var meterValue in value.MeterValue)
        {
            MeterValueConverter.WriteValue(writer, meterValue);
        }

        writer.WriteEndArray();
        if (value.TransactionId is { } transactionId)
        {
            writer.WriteNumber(TransactionId, transactionId);
        }

        writer.WriteEndObject();
    }
}
