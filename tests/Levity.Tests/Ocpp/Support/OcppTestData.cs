using System.Text.Json;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Validation;

namespace Levity.Tests.Ocpp.Support;

/// <summary>The official OCPP 1.6 schemas copied into TestData, and how they map to actions.</summary>
internal static class OcppTestData
{
    public static string SchemaDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "ocpp16", "schemas");

    /// <summary>"Authorize", "AuthorizeResponse", ...: every schema file name without extension.</summary>
    public static IReadOnlyList<string> SchemaNames { get; } =
        [.. Directory.GetFiles(SchemaDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    public static TheoryData<string> SchemaNameData()
    {
        var data = new TheoryData<string>();
        foreach (var name in SchemaNames)
        {
            data.Add(name);
        }

        return data;
    }

    public static JsonElement LoadSchema(string schemaName)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SchemaDirectory, schemaName + ".json")));
        return document.RootElement.Clone();
    }

    public static bool IsResponse(string schemaName) => schemaName.EndsWith("Response", StringComparison.Ordinal);

    public static OcppActionInfo ActionOf(string schemaName)
    {
        var actionName = IsResponse(schemaName) ? schemaName[..^"Response".Length] : schemaName;
        Assert.True(OcppActions.TryGet(actionName, out var action), $"no action for schema {schemaName}");
        return action;
    }

    /// <summary>Our compiled schema for a file.</summary>
    public static OcppSchema CompiledSchemaOf(string schemaName)
    {
        var action = ActionOf(schemaName);
        return IsResponse(schemaName) ? action.ResponseSchema : action.RequestSchema;
    }

    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo TypeInfoOf(string schemaName)
    {
        var action = ActionOf(schemaName);
        return IsResponse(schemaName) ? action.ResponseTypeInfo : action.RequestTypeInfo;
    }
}
