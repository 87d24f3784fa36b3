namespace Levity.Runtime.Storage;

/// <summary>
/// A grain state store (Orleans <c>IGrainStorage</c>), registered under a name with
/// <c>silo.AddGrainStorage(name, ...)</c> and found by <see cref="PersistentStateAttribute.StorageName"/>.
/// </summary>
/// <remarks>
/// Implementations enforce optimistic concurrency on <see cref="IGrainState{T}.ETag"/>: a write or
/// clear whose ETag does not match the stored record throws <see cref="InconsistentStateException"/>
/// and leaves both the store and the <c>grainState</c> argument unchanged. On success they update
/// the ETag and <see cref="IGrainState{T}.RecordExists"/>.
/// </remarks>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);

    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);

    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);
}
