using System.Text;
using System.Text.Json;

namespace Levity.Ocpp.Validation;

/// <summary>One compiled node of an official schema, checked against a Utf8JsonReader (no DOM).</summary>
internal abstract class SchemaNode
{
    /// <summary>"a string", "an integer", ...: for error messages.</summary>
    public abstract string Expected { get; }

    /// <summary>
    /// Validates the value whose first token the reader is on, leaving the reader on its last
    /// token. On failure sets <see cref="ValidationState.Failure"/> and returns false.
    /// </summary>
    public abstract bool Validate(ref Utf8JsonReader reader, ref ValidationState state);

    protected bool WrongType(ref Utf8JsonReader reader, ref ValidationState state) =>
        state.Fail(OcppErrorCode.TypeConstraintViolation, $"expected {Expected}, got {Describe(ref reader)}");

    /// <summary>A short, bounded description of the current token for error messages.</summary>
    internal static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{Excerpt(reader.ValueSpan)}\"",
        JsonTokenType.Number => $"the number {Excerpt(reader.ValueSpan)}",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => reader.TokenType.ToString(),
    };

    internal static string Excerpt(ReadOnlySpan<byte> utf8, int max = 40) =>
        utf8.Length <= max ? Encoding.UTF8.GetString(utf8) : Encoding.UTF8.GetString(utf8[..max]) + "...";
}
