using System.Text.Json;

namespace Levity.Ocpp.Validation;

/// <summary>
/// Compiles an official OCPP 1.6 schema (the draft-04 core files and the draft-06 security
/// files) into a validator tree. Only the keywords those files use are supported; any other
/// keyword that constrains values fails compilation, so no constraint is silently ignored.
/// Billing policy is attached here, by property name: identifiers and meter readings
/// (<see cref="IdentifierProperties"/>) are never tolerated, and sampledValue items get the
/// "value must be numeric" rule.
/// </summary>
internal static class OcppSchemaCompiler
{
    /// <summary>Fields billing keys on: exact types and lengths in every mode.</summary>
    public static readonly IReadOnlySet<string> IdentifierProperties =
        new HashSet<string>(StringComparer.Ordinal) { "idTag", "parentIdTag", "connectorId", "transactionId", "meterStart", "meterStop" };

    // Keywords that describe or organize rather than constrain, plus those meaningless where
    // the files put them ("additionalProperties" on strings, "additionalItems" without tuple items).
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "id", "title", "description", "definitions", "javaType", "additionalItems",
    };

    public static ObjectNode Compile(JsonElement root, string name)
    {
        var node = CompileNode(root, root, propertyName: null, name);
        return node as ObjectNode ?? throw new InvalidOperationException($"{name}: the root schema must be an object.");
    }

    private static SchemaNode CompileNode(JsonElement schema, JsonElement root, string? propertyName, string name)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return CompileNode(Resolve(reference.GetString(), root, name), root, propertyName, name);
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Ignored.Contains(keyword.Name) && !IsKnown(keyword.Name))
            {
                throw new InvalidOperationException($"{name}: unsupported schema keyword '{keyword.Name}'.");
            }
        }

        var type = schema.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        var isIdentifier = propertyName is not null && IdentifierProperties.Contains(propertyName);
        switch (type)
        {
            case "object":
                var required = schema.TryGetProperty("required", out var requiredElement)
                    ? requiredElement.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
                    : [];
                // Items of an array are compiled under the array's property name.
                var isSampledValue = propertyName == "sampledValue";
                var properties = new List<SchemaProperty>();
                if (schema.TryGetProperty("properties", out var propertiesElement))
                {
                    foreach (var property in propertiesElement.EnumerateObject())
                    {
                        var child = CompileNode(property.Value, root, property.Name, name);
                        if (isSampledValue && property.Name == "value" && child is StringNode reading)
                        {
                            child = new StringNode { MaxLength = reading.MaxLength, AllowsBareNumber = true };
                        }

                        properties.Add(new SchemaProperty(property.Name, child, required.Contains(property.Name)));
                    }
                }

                if (required.Except(properties.Select(p => p.Name)).FirstOrDefault() is { } undefined)
                {
                    throw new InvalidOperationException($"{name}: required property '{undefined}' is not defined.");
                }

                var additional = !schema.TryGetProperty("additionalProperties", out var additionalElement) ||
                                 additionalElement.ValueKind != JsonValueKind.False;
                return new ObjectNode(properties, additional, isSampledValue);

            case "array":
                var items = CompileNode(schema.GetProperty("items"), root, propertyName, name);
                return new ArrayNode(items) { MinItems = schema.TryGetProperty("minItems", out var min) ? min.GetInt32() : 0 };

            case "string":
                return new StringNode
                {
                    MaxLength = schema.TryGetProperty("maxLength", out var maxLength) ? maxLength.GetInt32() : null,
                    AllowedValues = schema.TryGetProperty("enum", out var values) ? [.. values.EnumerateArray().Select(v => v.GetString()!)] : null,
                    Format = schema.TryGetProperty("format", out var format) ? ParseFormat(format.GetString(), name) : StringFormat.None,
                    IsIdentifier = isIdentifier,
                };

            case "integer":
                return new IntegerNode { IsIdentifier = isIdentifier };

            case "number":
                return new NumberNode { MultipleOf = schema.TryGetProperty("multipleOf", out var step) ? step.GetDecimal() : null };

            case "boolean":
                return new BooleanNode();

            default:
                throw new InvalidOperationException($"{name}: unsupported type '{type}' at '{propertyName}'.");
        }
    }

    private static bool IsKnown(string keyword) => keyword is "type" or "properties" or "required" or "additionalProperties"
        or "items" or "minItems" or "maxLength" or "enum" or "format" or "multipleOf" or "$ref";

    private static StringFormat ParseFormat(string? format, string name) => format switch
    {
        "date-time" => StringFormat.DateTime,
        "uri" => StringFormat.Uri,
        _ => throw new InvalidOperationException($"{name}: unsupported format '{format}'."),
    };

    private static JsonElement Resolve(string? reference, JsonElement root, string name)
    {
        const string Prefix = "#/definitions/";
        if (reference is null || !reference.StartsWith(Prefix, StringComparison.Ordinal) ||
            !root.TryGetProperty("definitions", out var definitions) ||
            !definitions.TryGetProperty(reference[Prefix.Length..], out var target))
        {
            throw new InvalidOperationException($"{name}: cannot resolve $ref '{reference}'.");
        }

        return target;
    }
}
