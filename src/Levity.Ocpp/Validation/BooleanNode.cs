using System.Text.Json;

namespace Levity.Ocpp.Validation;

/// <summary>A JSON boolean; no string spellings are accepted.</summary>
internal sealed class BooleanNode : SchemaNode
{
    public override string Expected => "a boolean";

    public override bool Validate(ref Utf8JsonReader reader, ref ValidationState state) =>
        reader.TokenType is JsonTokenType.True or JsonTokenType.False || WrongType(ref reader, ref state);
}
