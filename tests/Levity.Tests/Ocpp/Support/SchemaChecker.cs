using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Levity.Tests.Ocpp.Support;

/// <summary>
/// An independent, deliberately simple checker for the subset of JSON Schema (draft-04/06) the
/// official OCPP 1.6 files use, working on a DOM. It shares no code with the production
/// validator, so it can judge it and the serializer.
/// </summary>
internal static partial class SchemaChecker
{
    public static IReadOnlyList<string> Check(JsonElement schema, JsonElement instance)
    {
        var errors = new List<string>();
        Check(schema, schema, instance, "$", errors);
        return errors;
    }

    public static IReadOnlyList<string> Check(JsonElement schema, string instanceJson)
    {
        using var document = JsonDocument.Parse(instanceJson);
        return Check(schema, document.RootElement);
    }

    private static void Check(JsonElement schema, JsonElement root, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            Check(root.GetProperty("definitions").GetProperty(name), root, value, path, errors);
            return;
        }

        switch (schema.GetProperty("type").GetString())
        {
            case "object":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{path}: not an object");
                    return;
                }

                var properties = schema.TryGetProperty("properties", out var p) ? p : default;
                foreach (var property in value.EnumerateObject())
                {
                    if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                    {
                        Check(propertySchema, root, property.Value, $"{path}.{property.Name}", errors);
                    }
                    else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                    {
                        errors.Add($"{path}.{property.Name}: additional property");
                    }
                }

                if (schema.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray())
                    {
                        if (!value.TryGetProperty(name.GetString()!, out _))
                        {
                            errors.Add($"{path}.{name.GetString()}: required");
                        }
                    }
                }

                break;

            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add($"{path}: not an array");
                    return;
                }

                if (schema.TryGetProperty("minItems", out var minItems) && value.GetArrayLength() < minItems.GetInt32())
                {
                    errors.Add($"{path}: fewer than {minItems.GetInt32()} items");
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(schema.GetProperty("items"), root, item, $"{path}[{index++}]", errors);
                }

                break;

            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add($"{path}: not a string");
                    return;
                }

                var text = value.GetString()!;
                if (schema.TryGetProperty("maxLength", out var maxLength) && text.EnumerateRunes().Count() > maxLength.GetInt32())
                {
                    errors.Add($"{path}: longer than {maxLength.GetInt32()}");
                }

                if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.GetString() == text))
                {
                    errors.Add($"{path}: not in enum");
                }

                if (schema.TryGetProperty("format", out var format))
                {
                    var ok = format.GetString() switch
                    {
                        "date-time" => DateTimePattern().IsMatch(text) &&
                                       DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
                        _ => throw new InvalidOperationException($"format {format}"),
                    };
                    if (!ok)
                    {
                        errors.Add($"{path}: not a {format.GetString()}");
                    }
                }

                break;

            case "integer":
                if (value.ValueKind != JsonValueKind.Number || value.GetRawText().AsSpan().IndexOfAny(".eE") >= 0)
                {
                    errors.Add($"{path}: not an integer");
                }

                break;

            case "number":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    errors.Add($"{path}: not a number");
                    return;
                }

                if (schema.TryGetProperty("multipleOf", out var step) && value.GetDecimal() % step.GetDecimal() != 0)
                {
                    errors.Add($"{path}: not a multiple of {step.GetDecimal()}");
                }

                break;

            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: not a boolean");
                }

                break;

            default:
                throw new InvalidOperationException($"type {schema.GetProperty("type")}");
        }
    }

    // RFC 3339 date-time, as JSON Schema's "date-time" format means it.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimePattern();
}
