namespace Levity.Runtime.Storage;

/// <summary>A plain <see cref="IGrainState{T}"/>.</summary>
public sealed class GrainState<T> : IGrainState<T>
{
    public GrainState()
        : this(StateDefaults.Create<T>())
    {
    }

    public GrainState(T state, string? eTag = null)
    {
        State = state;
        ETag = eTag;
    }

    public T State { get; set; }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
