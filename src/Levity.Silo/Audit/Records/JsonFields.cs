using System.Buffers.Text;
using System.Text.Json;

namespace Levity.Silo.Audit.Records;

/// <summary>Reads one top-level number of a JSON object payload (meterStart, transactionId, ...).</summary>
internal static class JsonFields
{
    /// <summary>
    /// The value of <paramref name="name"/> in the object <paramref name="json"/>, as a JSON number
    /// or a numeric string (a quirk the protocol layer tolerates); false if absent or not a number.
    /// </summary>
    public static bool TryGetNumber(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name, out double value)
    {
        value = 0;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (match)
                {
                    return reader.TokenType switch
                    {
                        JsonTokenType.Number => reader.TryGetDouble(out value) && double.IsFinite(value),
                        JsonTokenType.String => !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out value, out var used) && used == reader.ValueSpan.Length && double.IsFinite(value),
                        _ => false,
                    };
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
