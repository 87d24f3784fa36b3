namespace Levity.Storage.Files;

/// <summary>
/// An exclusive advisory lock (flock) on the database file, held while the store is open, so a
/// second Levity on the same file refuses to start instead of writing beside the first.
/// SQLite's own locks are POSIX record locks, which flock does not touch: the sqlite3 shell,
/// Litestream and <c>levity report</c> still read the file. The descriptor is closed only after
/// every SQLite connection of the store: closing any descriptor of a file drops the process's
/// POSIX locks on it.
/// </summary>
public sealed class DatabaseFileLock : IDisposable
{
    private readonly FileStream _file;

    private DatabaseFileLock(FileStream file, bool created)
    {
        _file = file;
        Created = created;
    }

    /// <summary>True when the file did not exist and was created empty (a new database).</summary>
    public bool Created { get; }

    /// <summary>Opens (or creates, in an existing folder) <paramref name="path"/> and locks it.</summary>
    /// <exception cref="DatabaseOpenException">In use by another Levity, or not writable.</exception>
    public static DatabaseFileLock Acquire(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var existed = File.Exists(fullPath);
        if (Directory.Exists(fullPath))
        {
            throw new DatabaseOpenException(DatabaseProblem.CannotOpen, $"database '{fullPath}' is a folder, not a file.");
        }

        try
        {
            // FileShare.None is what makes .NET take flock(LOCK_EX | LOCK_NB) on Unix.
            var file = new FileStream(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            return new DatabaseFileLock(file, created: !existed);
        }
        catch (UnauthorizedAccessException e)
        {
            var what = existed ? "is read-only for this user" : "cannot be created: its folder is not writable by this user";
            throw new DatabaseOpenException(DatabaseProblem.NotWritable, $"database '{fullPath}' {what}.", e);
        }
        catch (IOException e) when (existed || File.Exists(fullPath))
        {
            throw new DatabaseOpenException(
                DatabaseProblem.InUse,
                $"database '{fullPath}' is in use by another Levity (or another program holding an exclusive lock on it); stop that one first.",
                e);
        }
        catch (IOException e)
        {
            throw new DatabaseOpenException(DatabaseProblem.CannotOpen, $"database '{fullPath}' cannot be created: {e.Message}", e);
        }
    }

    public void Dispose() => _file.Dispose();
}
