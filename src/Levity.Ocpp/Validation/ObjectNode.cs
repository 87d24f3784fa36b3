using System.Numerics;
using System.Text;
using System.Text.Json;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Validation;

/// <summary>
/// A JSON object with known properties. Checks, in order: unknown properties (tolerable),
/// duplicates (never: a second meterStop must not silently win), each property's value, then
/// missing required properties, then the sampled-value rule (a reading must be a number unless
/// its format is SignedData).
/// </summary>
internal sealed class ObjectNode : SchemaNode
{
    private readonly SchemaProperty[] _properties;
    private readonly ulong _requiredMask;
    private readonly int _valueIndex = -1;
    private readonly int _formatIndex = -1;

    public ObjectNode(IReadOnlyList<SchemaProperty> properties, bool additionalPropertiesAllowed, bool isSampledValue)
    {
        if (properties.Count > 64)
        {
            throw new InvalidOperationException("An object schema with more than 64 properties is not supported.");
        }

        _properties = [.. properties];
        AdditionalPropertiesAllowed = additionalPropertiesAllowed;
        for (var i = 0; i < _properties.Length; i++)
        {
            if (_properties[i].Required)
            {
                _requiredMask |= 1UL << i;
            }

            if (isSampledValue && _properties[i].Name == "value")
            {
                _valueIndex = i;
            }

            if (isSampledValue && _properties[i].Name == "format")
            {
                _formatIndex = i;
            }
        }
    }

    public IReadOnlyList<SchemaProperty> Properties => _properties;

    public bool AdditionalPropertiesAllowed { get; }

    public override string Expected => "an object";

    public override bool Validate(ref Utf8JsonReader reader, ref ValidationState state)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return WrongType(ref reader, ref state);
        }

        ulong seen = 0;
        var valueIsNumeric = true;
        var isSignedData = false;
        Span<byte> nameBuffer = stackalloc byte[64];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Utf8Strings.Unescaped(in reader, nameBuffer, out var fits);
            var index = fits ? Find(name) : -1;
            if (index < 0)
            {
                if (!AdditionalPropertiesAllowed && !state.TryTolerate(OcppTolerance.UnknownProperty))
                {
                    state.Fail(OcppErrorCode.FormationViolation, "property is not defined by the schema");
                    state.Failure!.PushProperty(Excerpt(reader.ValueSpan));
                    return false;
                }

                reader.Read();
                reader.Skip();
                continue;
            }

            var property = _properties[index];
            var bit = 1UL << index;
            if ((seen & bit) != 0)
            {
                state.Fail(OcppErrorCode.FormationViolation, "property appears more than once");
                state.Failure!.PushProperty(property.Name);
                return false;
            }

            seen |= bit;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null && !property.Required)
            {
                if (!state.TryTolerate(OcppTolerance.NullValue))
                {
                    state.Fail(OcppErrorCode.TypeConstraintViolation, $"expected {property.Node.Expected}, got null");
                    state.Failure!.PushProperty(property.Name);
                    return false;
                }

                // Null means absent: an absent format is Raw, so the reading must still be numeric.
                continue;
            }

            if (!property.Node.Validate(ref reader, ref state))
            {
                state.Failure!.PushProperty(property.Name);
                return false;
            }

            if (index == _valueIndex)
            {
                valueIsNumeric = reader.TokenType == JsonTokenType.Number || IsDecimalText(ref reader);
            }
            else if (index == _formatIndex)
            {
                isSignedData = Ascii.EqualsIgnoreCase(reader.ValueSpan, "SignedData"u8);
            }
        }

        var missing = _requiredMask & ~seen;
        if (missing != 0)
        {
            state.Fail(OcppErrorCode.OccurenceConstraintViolation, "required property is missing");
            state.Failure!.PushProperty(_properties[BitOperations.TrailingZeroCount(missing)].Name);
            return false;
        }

        if (!valueIsNumeric && !isSignedData)
        {
            state.Fail(OcppErrorCode.PropertyConstraintViolation, "expected a number (a sampled value is numeric unless its format is SignedData)");
            state.Failure!.PushProperty("value");
            return false;
        }

        return true;
    }

    private int Find(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < _properties.Length; i++)
        {
            if (name.SequenceEqual(_properties[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A decimal number in JSON number syntax, leading zeros allowed: <c>-?\d+(\.\d+)?([eE][+-]?\d+)?</c>.
    /// No spaces, no comma decimals, no NaN: a reading billing can trust.
    /// </summary>
    private static bool IsDecimalText(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return false;
        }

        var text = reader.ValueSpan;
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (!SkipDigits(text, ref i))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] | 0x20) == 'e')
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static bool SkipDigits(ReadOnlySpan<byte> text, ref int i)
    {
        var start = i;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            i++;
        }

        return i > start;
    }
}
