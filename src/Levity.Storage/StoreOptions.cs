namespace Levity.Storage;

/// <summary>Settings of the SQLite store; every default lives here.</summary>
public sealed record StoreOptions
{
    /// <summary>Path of the SQLite file (the Python version's <c>--db</c>); created when missing.</summary>
    public string DatabasePath { get; set; } = "levity.db";

    /// <summary>Most operations committed by one SQLite transaction.</summary>
    public int MaxBatchSize { get; set; } = 1_000;

    /// <summary>Operations that may queue for the writer; when full, callers wait (back-pressure).</summary>
    public int ChannelCapacity { get; set; } = 10_000;

    /// <summary>How long a statement waits for a lock held by another process (sqlite3 shell, backup).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the background checkpointer copies the WAL into the database file (when anything was committed).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Commits after which the background checkpointer runs without waiting for its interval.</summary>
    public int CheckpointAfterCommits { get; set; } = 500;

    /// <summary>
    /// The writer's own auto-checkpoint threshold in pages (SQLite's default is 1,000): a backstop
    /// that only matters if the background checkpointer falls behind.
    /// </summary>
    public int WriterAutoCheckpointPages { get; set; } = 20_000;
}
