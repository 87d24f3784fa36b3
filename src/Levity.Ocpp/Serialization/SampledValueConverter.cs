using System.Text.Json;
using System.Text.Json.Serialization;
using Levity.Ocpp.Messages;

namespace Levity.Ocpp.Serialization;

/// <summary>
/// Hand-written because MeterValues is most of the traffic: the generated converter for a
/// positional record costs twice as much per sample. Same JSON as the generated one would be;
/// the contract tests hold both directions to the official schema.
/// </summary>
internal sealed class SampledValueConverter : JsonConverter<SampledValue>
{
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText Context = JsonEncodedText.Encode("context");
    private static readonly JsonEncodedText Format = JsonEncodedText.Encode("format");
    private static readonly JsonEncodedText Measurand = JsonEncodedText.Encode("measurand");
    private static readonly JsonEncodedText Phase = JsonEncodedText.Encode("phase");
    private static readonly JsonEncodedText Location = JsonEncodedText.Encode("location");
    private static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");

    public override SampledValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    public override void Write(Utf8JsonWriter writer, SampledValue value, JsonSerializerOptions options) => WriteValue(writer, value);

    internal static SampledValue ReadValue(ref Utf8JsonReader reader)
    {
        OcppJsonReading.ExpectStartObject(ref reader, nameof(SampledValue));
        string? value = null;
        ReadingContext? context = null;
        ValueFormat? format = null;
        Measurand? measurand = null;
        Phase? phase = null;
        Location? location = null;
        UnitOfMeasure? unit = null;
        Span<byte> buffer = stackalloc byte[16];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Utf8Strings.Unescaped(in reader, buffer);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (name.SequenceEqual("value"u8))
            {
                value = OcppJsonReading.ReadLenientString(ref reader);
            }
            else if (name.SequenceEqual("measurand"u8))
            {
                measurand = OcppEnumConverter<Measurand>.ReadValue(ref reader);
            }
            else if (name.SequenceEqual("unit"u8))
            {
                unit = OcppEnumConverter<UnitOfMeasure>.ReadValue(ref reader);
            }
            else if (name.SequenceEqual("context"u8))
            {
                context = OcppEnumConverter<ReadingContext>.ReadValue(ref reader);
            }
            else if (name.SequenceEqual("phase"u8))
            {
                phase = OcppEnumConverter<Phase>.ReadValue(ref reader);
            }
            else if (name.SequenceEqual("location"u8))
            {
                location = OcppEnumConverter<Location>.ReadValue(ref reader);
            }
            else if (name.SequenceEqual("format"u8))
            {
                format = OcppEnumConverter<ValueFormat>.ReadValue(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new SampledValue(value ?? throw new JsonException("sampledValue.value is required."), context, format, measurand, phase, location, unit);
    }

    internal static void WriteValue(Utf8JsonWriter writer, SampledValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString(Value, value.Value);
        WriteEnum(writer, Context, value.Context);
        WriteEnum(writer, Format, value.Format);
        WriteEnum(writer, Measurand, value.Measurand);
        WriteEnum(writer, Phase, value.Phase);
        WriteEnum(writer, Location, value.Location);
        WriteEnum(writer, Unit, value.Unit);
        writer.WriteEndObject();
    }

    private static void WriteEnum<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } present)
        {
            writer.WritePropertyName(name);
            OcppEnumConverter<TEnum>.WriteValue(writer, present);
        }
    }
}
