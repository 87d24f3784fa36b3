namespace Levity.Runtime.Storage;

/// <summary>
/// A state write or clear carried a stale ETag: another writer changed the record since it was
/// last read (Orleans <c>InconsistentStateException</c>). Nothing was changed.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException()
        : this("The stored state changed since it was last read.")
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>ETag of the record in the store, when known (null: no record).</summary>
    public string? StoredEtag { get; }

    /// <summary>ETag the writer carried.</summary>
    public string? CurrentEtag { get; }
}
