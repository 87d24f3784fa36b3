using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Serialization;
using Levity.Ocpp.Validation;
using Levity.Tests.Ocpp.Support;

namespace Levity.Tests.Ocpp.Contracts;

/// <summary>
/// Every contract against its official schema file (from TestData, not the embedded copy):
/// generated samples read strictly, and what we write back validates and carries every field.
/// </summary>
public sealed class ContractSchemaTests
{
    public static TheoryData<string> Schemas => OcppTestData.SchemaNameData();

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Read_MaximalSample_RoundTripsAndValidatesAgainstOfficialSchema(string schemaName)
    {
        var sample = SchemaSamples.Maximal(OcppTestData.LoadSchema(schemaName));

        AssertRoundTrip(schemaName, sample.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Read_MinimalSample_RoundTripsAndValidatesAgainstOfficialSchema(string schemaName)
    {
        var sample = SchemaSamples.Minimal(OcppTestData.LoadSchema(schemaName));

        AssertRoundTrip(schemaName, sample.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Read_EveryEnumValue_RoundTripsWithItsSpecSpelling(string schemaName)
    {
        var schema = OcppTestData.LoadSchema(schemaName);
        var sample = SchemaSamples.Maximal(schema);
        var variants = 0;
        foreach (var (path, values) in EnumSites(schema, schema, ""))
        {
            foreach (var value in values)
            {
                var copy = sample.DeepClone();
                Set(copy, path, value);
                var written = AssertRoundTrip(schemaName, copy.ToJsonString(), tolerateCelcius: true);
                var expected = value == "Celcius" ? "Celsius" : value;
                Assert.Equal(expected, Get(JsonNode.Parse(written)!, path));
                variants++;
            }
        }

        Assert.Equal(CountEnumValues(schema, schema), variants);
    }

    [Fact]
    public void Schemas_TestDataCopy_HasAllCoreAndSecurityActions()
    {
        Assert.Equal(78, OcppTestData.SchemaNames.Count);
        Assert.Equal(39, OcppActions.All.Count);
        foreach (var action in OcppActions.All)
        {
            Assert.Contains(action.Name, OcppTestData.SchemaNames);
            Assert.Contains(action.Name + "Response", OcppTestData.SchemaNames);
        }
    }

    [Fact]
    public void EmbeddedSchemas_AreByteForByteTheOfficialFiles()
    {
        var assembly = typeof(OcppActions).Assembly;
        var embedded = assembly.GetManifestResourceNames().Where(n => n.StartsWith("Levity.Ocpp.Schemas.", StringComparison.Ordinal)).ToList();

        Assert.Equal(OcppTestData.SchemaNames.Count, embedded.Count);
        foreach (var name in OcppTestData.SchemaNames)
        {
            using var stream = assembly.GetManifestResourceStream($"Levity.Ocpp.Schemas.{name}.json")!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.Equal(File.ReadAllBytes(Path.Combine(OcppTestData.SchemaDirectory, name + ".json")), copy.ToArray());
        }
    }

    [Fact]
    public void Catalogue_EveryAction_TiesRequestAndResponseContracts()
    {
        foreach (var action in OcppActions.All)
        {
            Assert.Equal(action.Name + "Request", action.RequestType.Name);
            Assert.Equal(action.Name + "Response", action.ResponseType.Name);
            Assert.Contains(typeof(IOcppRequest<>).MakeGenericType(action.ResponseType), action.RequestType.GetInterfaces());
            Assert.True(typeof(IOcppResponse).IsAssignableFrom(action.ResponseType));
            Assert.Equal(action.Name + ".req", action.RequestSchema.Name);
            Assert.Equal(action.Name + ".conf", action.ResponseSchema.Name);
        }
    }

    /// <summary>Reads strictly, writes, and checks the output against the official file; returns the output.</summary>
    private static string AssertRoundTrip(string schemaName, string json, bool tolerateCelcius = false)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var schema = OcppTestData.CompiledSchemaOf(schemaName);
        var typeInfo = OcppTestData.TypeInfoOf(schemaName);

        var read = OcppPayloadReader.Read<object>(schema, typeInfo, bytes, OcppValidationMode.Strict);

        Assert.True(read.IsSuccess, $"{schemaName}: {read.Error}\n{json}");
        Assert.Equal(typeInfo.Type, read.Value.GetType());
        var expectedTolerances = tolerateCelcius && json.Contains("\"Celcius\"", StringComparison.Ordinal) ? OcppTolerance.KnownMisspelling : OcppTolerance.None;
        Assert.Equal(expectedTolerances, read.Tolerances);
        var written = JsonSerializer.Serialize(read.Value, typeInfo);
        var violations = SchemaChecker.Check(OcppTestData.LoadSchema(schemaName), written);
        Assert.True(violations.Count == 0, $"{schemaName}: {string.Join("; ", violations)}\n{written}");
        if (expectedTolerances == OcppTolerance.None)
        {
            JsonEquivalence.AssertEquivalent(json, written);
        }

        return written;
    }

    private static IEnumerable<(string Path, IReadOnlyList<string> Values)> EnumSites(JsonElement schema, JsonElement root, string path)
    {
        schema = Resolve(schema, root);
        if (schema.TryGetProperty("enum", out var values))
        {
            yield return (path, [.. values.EnumerateArray().Select(v => v.GetString()!)]);
        }
        else if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                foreach (var site in EnumSites(property.Value, root, path.Length == 0 ? property.Name : $"{path}/{property.Name}"))
                {
                    yield return site;
                }
            }
        }
        else if (schema.TryGetProperty("items", out var items))
        {
            foreach (var site in EnumSites(items, root, $"{path}/0"))
            {
                yield return site;
            }
        }
    }

    private static int CountEnumValues(JsonElement schema, JsonElement root) => EnumSites(schema, root, "").Sum(s => s.Values.Count);

    private static JsonElement Resolve(JsonElement schema, JsonElement root) =>
        schema.TryGetProperty("$ref", out var reference)
            ? root.GetProperty("definitions").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private static void Set(JsonNode root, string path, string value)
    {
        var steps = path.Split('/');
        var node = root;
        foreach (var step in steps[..^1])
        {
            node = int.TryParse(step, out var index) ? node[index]! : node[step]!;
        }

        node[steps[^1]] = value;
    }

    private static string? Get(JsonNode root, string path)
    {
        var node = root;
        foreach (var step in path.Split('/'))
        {
            node = int.TryParse(step, out var index) ? node[index]! : node[step]!;
        }

        return node.GetValue<string>();
    }
}
