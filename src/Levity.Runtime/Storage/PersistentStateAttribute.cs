namespace Levity.Runtime.Storage;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/> to be
/// supplied by the runtime: <c>[PersistentState("profile", "Default")] IPersistentState&lt;Profile&gt; profile</c>.
/// Other constructor parameters come from DI.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>Name of the storage used when none is given.</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>Name of the state, unique within the grain; part of the stored record's key.</summary>
    public string StateName { get; } = stateName;

    /// <summary>Name the grain storage was registered under.</summary>
    public string StorageName { get; } = storageName ?? DefaultStorageName;
}
