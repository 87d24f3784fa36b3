using System.Text;
using Levity.Ocpp.Validation;
using Levity.Tests.Ocpp.Support;

namespace Levity.Tests.Ocpp.Validation;

/// <summary>
/// For every official schema, one invalid variant per field and constraint, generated from the
/// schema: strict validation must answer the spec's error code and name the field.
/// </summary>
public sealed class SchemaErrorMappingTests
{
    public static TheoryData<string> Schemas => OcppTestData.SchemaNameData();

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Validate_EveryInvalidVariant_ReturnsSpecCodeNamingTheField(string schemaName)
    {
        var officialSchema = OcppTestData.LoadSchema(schemaName);
        var schema = OcppTestData.CompiledSchemaOf(schemaName);
        var failures = new List<string>();
        var count = 0;

        foreach (var mutation in SchemaSamples.Mutations(officialSchema))
        {
            count++;
            var json = mutation.Payload.ToJsonString();
            if (mutation.SchemaInvalid && SchemaChecker.Check(officialSchema, json).Count == 0)
            {
                failures.Add($"{mutation}: the generated variant is not invalid per the official schema");
            }

            var error = schema.Validate(Encoding.UTF8.GetBytes(json), OcppValidationMode.Strict, out _);
            if (error is null)
            {
                failures.Add($"{mutation}: accepted");
            }
            else if (error.Code != mutation.ExpectedCode || !error.Description.StartsWith(mutation.Path + ": ", StringComparison.Ordinal))
            {
                failures.Add($"{mutation}: expected {mutation.ExpectedCode} at '{mutation.Path}', got {error}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(count >= 2, "no variants generated");
    }
}
