namespace Levity.Runtime.Storage;

/// <summary>What a grain storage reads and writes for one state (Orleans <c>IGrainState&lt;T&gt;</c>).</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    /// <summary>Version of the stored record; null when there is none.</summary>
    string? ETag { get; set; }

    bool RecordExists { get; set; }
}
