using System.Buffers.Text;
using System.Text.Json;

namespace Levity.Ocpp.Validation;

/// <summary>A decimal number, optionally a multiple of a step (charging limits: 0.1).</summary>
internal sealed class NumberNode : SchemaNode
{
    public decimal? MultipleOf { get; init; }

    public override string Expected => "a number";

    public override bool Validate(ref Utf8JsonReader reader, ref ValidationState state)
    {
        decimal value;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (!reader.TryGetDecimal(out value))
                {
                    return state.Fail(OcppErrorCode.PropertyConstraintViolation, $"{Excerpt(reader.ValueSpan)} is out of range");
                }

                break;

            case JsonTokenType.String when !reader.ValueIsEscaped && IsDecimalText(reader.ValueSpan, out value):
                if (!state.TryTolerate(OcppTolerance.NumberAsString))
                {
                    return state.Fail(OcppErrorCode.TypeConstraintViolation, $"expected a number, got {Describe(ref reader)}");
                }

                break;

            default:
                return WrongType(ref reader, ref state);
        }

        if (MultipleOf is { } step && value % step != 0)
        {
            return state.TryTolerate(OcppTolerance.NumberPrecision) ||
                   state.Fail(OcppErrorCode.PropertyConstraintViolation, $"{value} is not a multiple of {step}");
        }

        return true;
    }

    private static bool IsDecimalText(ReadOnlySpan<byte> text, out decimal value) =>
        Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
}
