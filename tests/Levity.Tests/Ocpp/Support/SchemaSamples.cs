using System.Text.Json;
using System.Text.Json.Nodes;

namespace Levity.Tests.Ocpp.Support;

/// <summary>
/// Payloads generated from an official schema: a maximal one (every property, two items per
/// array, strings at their maximum length), a minimal one (required properties only) and one
/// invalid variant per field and constraint, each with the CALLERROR code strict validation must
/// give and the field path its description must name.
/// </summary>
internal static class SchemaSamples
{
    public const string MaximalTimestamp = "2024-05-01T12:34:56.789Z";
    public const string MinimalTimestamp = "2024-05-01T12:00:00+02:00";

    public static JsonObject Maximal(JsonElement schema) => (JsonObject)Generate(schema, schema, null, maximal: true)!;

    public static JsonObject Minimal(JsonElement schema) => (JsonObject)Generate(schema, schema, null, maximal: false)!;

    public static IEnumerable<SchemaMutation> Mutations(JsonElement schema)
    {
        yield return new SchemaMutation("payload is an array", "payload", Levity.Ocpp.OcppErrorCode.FormationViolation, new JsonArray());

        var sample = Maximal(schema);
        var sites = new List<Site>();
        Walk(schema, schema, sample, path: "", sites);
        yield return Mutate(sample, "unexpectedProperty", Levity.Ocpp.OcppErrorCode.FormationViolation, "unknown root property",
            s => ((JsonObject)s)["unexpectedProperty"] = 1);
        foreach (var site in sites)
        {
            foreach (var mutation in MutationsOf(sample, site))
            {
                yield return mutation;
            }
        }
    }

    private static IEnumerable<SchemaMutation> MutationsOf(JsonObject sample, Site site)
    {
        var schema = site.Schema;
        var type = schema.GetProperty("type").GetString();
        var code = Levity.Ocpp.OcppErrorCode.TypeConstraintViolation;
        if (site.Required && site.Key is not null)
        {
            yield return Mutate(sample, site.Path, Levity.Ocpp.OcppErrorCode.OccurenceConstraintViolation, "required property removed", n => Remove(n, site));
        }

        JsonNode? wrongType = type switch
        {
            "string" => JsonValue.Create(12345),
            "integer" or "number" => JsonValue.Create("abc"),
            "boolean" => JsonValue.Create("yes"),
            "object" => new JsonArray(),
            _ => new JsonObject(),
        };
        yield return Mutate(sample, site.Path, code, $"{type} replaced by a wrong type", n => Replace(n, site, wrongType.DeepClone()));
        if (site.Key is not null)
        {
            yield return Mutate(sample, site.Path, code, "null", n => Replace(n, site, null));
        }

        var property = Levity.Ocpp.OcppErrorCode.PropertyConstraintViolation;
        switch (type)
        {
            case "string" when schema.TryGetProperty("enum", out _):
                yield return Mutate(sample, site.Path, property, "value outside the enum", n => Replace(n, site, "NotAnAllowedValue"));
                break;
            case "string" when schema.TryGetProperty("maxLength", out var max):
                yield return Mutate(sample, site.Path, property, "one character too long", n => Replace(n, site, new string('x', max.GetInt32() + 1)));
                break;
            case "string" when schema.TryGetProperty("format", out var format):
                yield return Mutate(sample, site.Path, property, $"not a {format.GetString()}", n => Replace(n, site, "not valid"));
                break;
            case "string" when site.Path.EndsWith("value", StringComparison.Ordinal) && site.Path.Contains("sampledValue", StringComparison.Ordinal):
                yield return Mutate(sample, site.Path, property, "sampled value not a number", n => Replace(n, site, "twelve")) with { SchemaInvalid = false };
                break;
            case "integer":
                yield return Mutate(sample, site.Path, code, "fraction", n => Replace(n, site, 1.5m));
                yield return Mutate(sample, site.Path, property, "outside 32 bits", n => Replace(n, site, 2147483648L)) with { SchemaInvalid = false };
                break;
            case "number" when schema.TryGetProperty("multipleOf", out _):
                yield return Mutate(sample, site.Path, property, "not a multiple of the step", n => Replace(n, site, 16.55m));
                break;
            case "array" when schema.TryGetProperty("minItems", out var minItems) && minItems.GetInt32() > 0:
                yield return Mutate(sample, site.Path, Levity.Ocpp.OcppErrorCode.OccurenceConstraintViolation, "empty array", n => Replace(n, site, new JsonArray()));
                break;
            case "object":
                yield return Mutate(sample, site.Path + ".unexpectedProperty", Levity.Ocpp.OcppErrorCode.FormationViolation, "unknown nested property",
                    n => ((JsonObject)Find(n, site)!)["unexpectedProperty"] = 1);
                break;
        }
    }

    private static SchemaMutation Mutate(JsonObject sample, string path, Levity.Ocpp.OcppErrorCode code, string description, Action<JsonNode> change)
    {
        var copy = sample.DeepClone();
        change(copy);
        return new SchemaMutation($"{path}: {description}", path, code, copy);
    }

    /// <summary>Locates the site's node in a copy of the sample by replaying its route.</summary>
    private static JsonNode? Find(JsonNode root, Site site)
    {
        var (container, key, index) = Container(root, site);
        return key is not null ? ((JsonObject)container)[key] : ((JsonArray)container)[index];
    }

    private static (JsonNode Container, string? Key, int Index) Container(JsonNode root, Site site)
    {
        var node = root;
        foreach (var step in site.Route)
        {
            node = step is string name ? node[name]! : node[(int)step]!;
        }

        return (node, site.Key, site.Index);
    }

    private static void Remove(JsonNode root, Site site)
    {
        var (container, key, _) = Container(root, site);
        ((JsonObject)container).Remove(key!);
    }

    private static void Replace(JsonNode root, Site site, JsonNode? value)
    {
        var (container, key, index) = Container(root, site);
        if (key is not null)
        {
            ((JsonObject)container)[key] = value;
        }
        else
        {
            ((JsonArray)container)[index] = value;
        }
    }

    private static void Walk(JsonElement schema, JsonElement root, JsonNode node, string path, List<Site> sites, List<object>? route = null)
    {
        route ??= [];
        schema = Resolve(schema, root);
        switch (schema.GetProperty("type").GetString())
        {
            case "object" when schema.TryGetProperty("properties", out var properties):
                var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
                foreach (var property in properties.EnumerateObject())
                {
                    var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    var childSchema = Resolve(property.Value, root);
                    sites.Add(new Site(childPath, [.. route], property.Name, -1, childSchema, required.Contains(property.Name)));
                    Walk(childSchema, root, node[property.Name]!, childPath, sites, [.. route, property.Name]);
                }

                break;

            case "array":
                var items = Resolve(schema.GetProperty("items"), root);
                var last = ((JsonArray)node).Count - 1;
                var itemPath = $"{path}[{last}]";
                sites.Add(new Site(itemPath, [.. route], null, last, items, Required: true));
                Walk(items, root, node[last]!, itemPath, sites, [.. route, last]);
                break;
        }
    }

    private static JsonNode? Generate(JsonElement schema, JsonElement root, string? propertyName, bool maximal)
    {
        schema = Resolve(schema, root);
        switch (schema.GetProperty("type").GetString())
        {
            case "object":
                var result = new JsonObject();
                var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        if (maximal || required.Contains(property.Name))
                        {
                            result[property.Name] = Generate(property.Value, root, property.Name, maximal);
                        }
                    }
                }

                return result;

            case "array":
                var count = maximal ? 2 : (schema.TryGetProperty("minItems", out var min) ? min.GetInt32() : 0);
                var array = new JsonArray();
                for (var i = 0; i < count; i++)
                {
                    array.Add(Generate(schema.GetProperty("items"), root, propertyName, maximal));
                }

                return array;

            case "string":
                if (schema.TryGetProperty("enum", out var values))
                {
                    var all = values.EnumerateArray().Select(v => v.GetString()!).ToList();
                    return maximal ? all[0] : all[^1];
                }

                if (schema.TryGetProperty("format", out var format))
                {
                    return format.GetString() == "uri" ? "https://example.com/upload/diagnostics" : (maximal ? MaximalTimestamp : MinimalTimestamp);
                }

                if (schema.TryGetProperty("maxLength", out var maxLength))
                {
                    return maximal ? new string('x', maxLength.GetInt32()) : "A1";
                }

                if (propertyName == "value")
                {
                    // sampledValue.value: a reading.
                    return maximal ? "12345.678" : "0";
                }

                return maximal ? "free text with \"quotes\", \\ and ünïcödé" : "";

            case "integer":
                return maximal ? 42 : 0;
            case "number":
                return maximal ? 16.5m : 0.1m;
            case "boolean":
                return maximal;
            default:
                throw new InvalidOperationException();
        }
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement root) =>
        schema.TryGetProperty("$ref", out var reference)
            ? root.GetProperty("definitions").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private sealed record Site(string Path, List<object> Route, string? Key, int Index, JsonElement Schema, bool Required);
}

/// <summary>An invalid payload and what strict validation must answer.</summary>
internal sealed record SchemaMutation(string Description, string Path, Levity.Ocpp.OcppErrorCode ExpectedCode, JsonNode Payload)
{
    /// <summary>False when the payload passes JSON Schema but breaks an OCPP rule (32-bit integers, numeric readings).</summary>
    public bool SchemaInvalid { get; init; } = true;

    public override string ToString() => Description;
}
