using System.Reflection;
using Levity.Ocpp.Validation;

namespace Levity.Ocpp.Actions;

/// <summary>The official schemas, embedded in this assembly as <c>Levity.Ocpp.Schemas.{File}.json</c>.</summary>
internal static class OcppSchemaResources
{
    public static OcppSchema Load(string fileName, string schemaName)
    {
        var resource = $"Levity.Ocpp.Schemas.{fileName}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema {resource} is missing.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return OcppSchema.Compile(schemaName, memory.GetBuffer().AsSpan(0, (int)memory.Length));
    }
}
