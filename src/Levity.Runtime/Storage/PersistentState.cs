namespace Levity.Runtime.Storage;

/// <summary>The runtime's <see cref="IPersistentState{TState}"/>: a grain state bound to a storage.</summary>
internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage)
    : IPersistentState<TState>, IGrainStateLoader
{
    private readonly GrainState<TState> _grainState = new();

    public TState State
    {
        get => _grainState.State;
        set => _grainState.State = value;
    }

    public string? Etag => _grainState.ETag;

    public bool RecordExists => _grainState.RecordExists;

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        storage.ReadStateAsync(stateName, grainId, _grainState, cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        storage.WriteStateAsync(stateName, grainId, _grainState, cancellationToken);

    public Task ClearStateAsync(CancellationToken cancellationToken = default) =>
        storage.ClearStateAsync(stateName, grainId, _grainState, cancellationToken);

    public Task LoadAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);
}
