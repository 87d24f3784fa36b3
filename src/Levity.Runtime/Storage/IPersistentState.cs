namespace Levity.Runtime.Storage;

/// <summary>
/// A piece of grain state kept in a grain storage (Orleans <c>IPersistentState&lt;TState&gt;</c>).
/// Ask for it in the grain's constructor with <see cref="PersistentStateAttribute"/>; it is read
/// before <see cref="Grain.OnActivateAsync"/> runs.
/// </summary>
/// <remarks>
/// Writes use optimistic concurrency: each write must carry the <see cref="Etag"/> of the last read
/// or write. If another writer changed the record since, the write throws
/// <see cref="InconsistentStateException"/> and changes nothing; there is no silent retry. Reread
/// with <see cref="ReadStateAsync"/> and decide. Deactivation is best effort (a process can die),
/// so write when the state changes rather than on deactivation.
/// </remarks>
public interface IPersistentState<TState>
{
    /// <summary>
    /// The state. Before the first write, or after a clear, it is a new <typeparamref name="TState"/>
    /// when the type has a public parameterless constructor, otherwise its default value.
    /// </summary>
    TState State { get; set; }

    /// <summary>Version of the stored record this instance last read or wrote; null if none.</summary>
    string? Etag { get; }

    /// <summary>Whether the storage holds a record for this state.</summary>
    bool RecordExists { get; }

    /// <summary>Replaces <see cref="State"/> with the stored record.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores <see cref="State"/>.</summary>
    /// <exception cref="InconsistentStateException">The record changed since this instance last read or wrote it.</exception>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the stored record and resets <see cref="State"/>.</summary>
    /// <exception cref="InconsistentStateException">The record changed since this instance last read or wrote it.</exception>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
