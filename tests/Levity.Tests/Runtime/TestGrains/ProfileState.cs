using System.Text.Json.Serialization;

namespace Levity.Tests.Runtime.TestGrains;

/// <summary>Grain state: an immutable record updated with <c>with</c>.</summary>
public sealed record ProfileState
{
    public string? Name { get; init; }

    public int Visits { get; init; }
}

[JsonSerializable(typeof(ProfileState))]
internal sealed partial class RuntimeTestJsonContext : JsonSerializerContext;
