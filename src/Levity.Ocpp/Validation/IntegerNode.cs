using System.Buffers.Text;
using System.Text.Json;

namespace Levity.Ocpp.Validation;

/// <summary>
/// A JSON Schema integer, which OCPP 1.6 defines as 32-bit. Identifiers and meter readings
/// (<see cref="IsIdentifier"/>) must be integer tokens in every mode; other integers may come
/// as numeric strings in tolerant mode.
/// </summary>
internal sealed class IntegerNode : SchemaNode
{
    /// <summary>connectorId, transactionId, meterStart, meterStop: what billing keys on.</summary>
    public bool IsIdentifier { get; init; }

    public override string Expected => "an integer";

    public override bool Validate(ref Utf8JsonReader reader, ref ValidationState state)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt32(out _))
                {
                    return true;
                }

                // Fractions and exponents are not integers (draft-04); long digit runs are out of range.
                return reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0
                    ? WrongType(ref reader, ref state)
                    : state.Fail(OcppErrorCode.PropertyConstraintViolation, $"{Excerpt(reader.ValueSpan)} is outside the 32-bit integer range");

            case JsonTokenType.String when !IsIdentifier && !reader.ValueIsEscaped && IsInt32Text(reader.ValueSpan):
                return state.TryTolerate(OcppTolerance.NumberAsString) ||
                       state.Fail(OcppErrorCode.TypeConstraintViolation, $"expected an integer, got {Describe(ref reader)}");

            default:
                return WrongType(ref reader, ref state);
        }
    }

    // The same rule System.Text.Json applies when it reads a number from a string.
    private static bool IsInt32Text(ReadOnlySpan<byte> text) =>
        Utf8Parser.TryParse(text, out int _, out var consumed) && consumed == text.Length;
}
