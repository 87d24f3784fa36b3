using System.Text.Json.Serialization.Metadata;

namespace Levity.Runtime.Storage;

/// <summary>
/// Where <see cref="JsonGrainStorageSerializer"/> finds the JSON contracts of state types: the
/// source-generated resolvers the application registers with
/// <c>silo.AddJsonTypeInfoResolver(MyJsonContext.Default)</c>, consulted in order.
/// </summary>
public sealed class JsonGrainStorageSerializerOptions
{
    public IList<IJsonTypeInfoResolver> TypeInfoResolvers { get; } = [];
}
