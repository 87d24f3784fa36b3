using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace Levity.Runtime.Storage;

/// <summary>
/// System.Text.Json with source-generated contracts only: a state type without a registered
/// contract is refused (there is no reflection fallback).
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options;

    public JsonGrainStorageSerializer(IOptions<JsonGrainStorageSerializerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. options.Value.TypeInfoResolvers]),
        };
        _options.MakeReadOnly();
    }

    public string Serialize<T>(T value) => JsonSerializer.Serialize(value, GetTypeInfo<T>());

    public T Deserialize<T>(string payload) => JsonSerializer.Deserialize(payload, GetTypeInfo<T>())!;

    /// <summary>The contract for <paramref name="type"/>.</summary>
    /// <exception cref="InvalidOperationException">No registered resolver knows the type.</exception>
    public JsonTypeInfo GetTypeInfo(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _options.TryGetTypeInfo(type, out var typeInfo)
            ? typeInfo
            : throw new InvalidOperationException(
                $"No JSON contract for state type {type}: add it to a JsonSerializerContext ([JsonSerializable(typeof({type.Name}))]) and register it with silo.AddJsonTypeInfoResolver(MyJsonContext.Default).");
    }

    private JsonTypeInfo<T> GetTypeInfo<T>() => (JsonTypeInfo<T>)GetTypeInfo(typeof(T));
}
