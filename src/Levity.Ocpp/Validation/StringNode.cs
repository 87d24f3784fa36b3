using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Validation;

/// <summary>
/// A string: CiString maxLength, enum, or date-time/uri format. Length violations of
/// descriptive fields are tolerable; of identifiers (<see cref="IsIdentifier"/>) never.
/// </summary>
internal sealed class StringNode : SchemaNode
{
    // Spellings the official schemas list although they are typos; read as the right word.
    private static readonly byte[][] KnownMisspellings = ["Celcius"u8.ToArray()];

    public int? MaxLength { get; init; }

    public StringFormat Format { get; init; }

    public IReadOnlyList<string>? AllowedValues
    {
        get => _enumText;
        init
        {
            _enumText = value;
            _enumUtf8 = value is null ? null : [.. value.Select(Encoding.UTF8.GetBytes)];
            if (_enumUtf8 is not null)
            {
                // Exact matches only compare against values of the same length.
                _enumByLength = new byte[_enumUtf8.Max(v => v.Length) + 1][][];
                for (var length = 0; length < _enumByLength.Length; length++)
                {
                    _enumByLength[length] = [.. _enumUtf8.Where(v => v.Length == length)];
                }
            }
        }
    }

    /// <summary>idTag, parentIdTag: billing identifiers, held to the schema in every mode.</summary>
    public bool IsIdentifier { get; init; }

    /// <summary>sampledValue.value: a bare JSON number is a tolerable deviation.</summary>
    public bool AllowsBareNumber { get; init; }

    public override string Expected => AllowedValues is null ? "a string" : "one of the listed strings";

    private readonly IReadOnlyList<string>? _enumText;
    private readonly byte[][]? _enumUtf8;
    private readonly byte[][][]? _enumByLength;

    public override bool Validate(ref Utf8JsonReader reader, ref ValidationState state)
    {
        if (reader.TokenType == JsonTokenType.Number && AllowsBareNumber)
        {
            return state.TryTolerate(OcppTolerance.BareNumberValue) ||
                   state.Fail(OcppErrorCode.TypeConstraintViolation, $"expected a string, got {Describe(ref reader)}");
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(ref reader, ref state);
        }

        if (!reader.ValueIsEscaped)
        {
            return ValidateText(reader.ValueSpan, ref state);
        }

        var escapedLength = reader.ValueSpan.Length;
        byte[]? rented = null;
        Span<byte> buffer = escapedLength <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(escapedLength));
        try
        {
            var written = reader.CopyString(buffer);
            return ValidateText(buffer[..written], ref state);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private bool ValidateText(ReadOnlySpan<byte> text, ref ValidationState state)
    {
        if (!Utf8.IsValid(text))
        {
            return state.Fail(OcppErrorCode.FormationViolation, "string is not valid UTF-8");
        }

        if (_enumUtf8 is not null)
        {
            return ValidateEnum(text, ref state);
        }

        // Byte length bounds the character count from above, so most strings skip counting.
        if (MaxLength is { } max && text.Length > max)
        {
            var characters = CountCharacters(text);
            if (characters > max)
            {
                if (IsIdentifier || !state.TryTolerate(OcppTolerance.OverlongString))
                {
                    return state.Fail(OcppErrorCode.PropertyConstraintViolation, $"{characters} characters, at most {max} allowed");
                }
            }
        }

        return Format switch
        {
            StringFormat.DateTime => ValidateDateTime(text, ref state),
            StringFormat.Uri => ValidateUri(text, ref state),
            _ => true,
        };
    }

    private bool ValidateEnum(ReadOnlySpan<byte> text, ref ValidationState state)
    {
        if (text.Length < _enumByLength!.Length)
        {
            foreach (var candidate in _enumByLength[text.Length])
            {
                if (text.SequenceEqual(candidate))
                {
                    NoteMisspelling(candidate, ref state);
                    return true;
                }
            }
        }

        foreach (var candidate in _enumUtf8!)
        {
            if (Ascii.EqualsIgnoreCase(text, candidate))
            {
                NoteMisspelling(candidate, ref state);
                return state.TryTolerate(OcppTolerance.EnumCase) ||
                       state.Fail(OcppErrorCode.PropertyConstraintViolation, $"\"{Excerpt(text)}\" must be spelled \"{Encoding.UTF8.GetString(candidate)}\"");
            }
        }

        return state.Fail(OcppErrorCode.PropertyConstraintViolation,
            $"\"{Excerpt(text)}\" is not one of: {string.Join(", ", _enumText!)}");
    }

    private static void NoteMisspelling(byte[] canonical, ref ValidationState state)
    {
        foreach (var misspelling in KnownMisspellings)
        {
            if (canonical.AsSpan().SequenceEqual(misspelling))
            {
                state.Tolerances |= OcppTolerance.KnownMisspelling;
            }
        }
    }

    private static bool ValidateDateTime(ReadOnlySpan<byte> text, ref ValidationState state)
    {
        if (!OcppDateTime.TryParse(text, out _, out var hasOffset))
        {
            return state.Fail(OcppErrorCode.PropertyConstraintViolation, $"\"{Excerpt(text)}\" is not an ISO 8601 date-time");
        }

        return hasOffset || state.TryTolerate(OcppTolerance.TimestampWithoutOffset) ||
               state.Fail(OcppErrorCode.PropertyConstraintViolation, $"\"{Excerpt(text)}\" has no UTC offset");
    }

    private static bool ValidateUri(ReadOnlySpan<byte> text, ref ValidationState state) =>
        Uri.TryCreate(Encoding.UTF8.GetString(text), UriKind.Absolute, out _) ||
        state.Fail(OcppErrorCode.PropertyConstraintViolation, $"\"{Excerpt(text)}\" is not an absolute URI");

    /// <summary>Unicode code points, as JSON Schema's maxLength counts them.</summary>
    internal static int CountCharacters(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }
}
