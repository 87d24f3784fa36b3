using System.Text.Json;

namespace Levity.Ocpp.Validation;

/// <summary>A JSON array of one item schema, with an optional minimum item count.</summary>
internal sealed class ArrayNode(SchemaNode items) : SchemaNode
{
    public SchemaNode Items { get; } = items;

    public int MinItems { get; init; }

    public override string Expected => "an array";

    public override bool Validate(ref Utf8JsonReader reader, ref ValidationState state)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return WrongType(ref reader, ref state);
        }

        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!Items.Validate(ref reader, ref state))
            {
                state.Failure!.PushIndex(count);
                return false;
            }

            count++;
        }

        if (count >= MinItems)
        {
            return true;
        }

        return (count == 0 && state.TryTolerate(OcppTolerance.EmptyArray)) ||
               state.Fail(OcppErrorCode.OccurenceConstraintViolation, $"{count} items, at least {MinItems} required");
    }
}
