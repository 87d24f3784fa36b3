namespace Levity.Storage;

/// <summary>
/// A write was not committed: nothing of it is on disk, so the caller must not acknowledge the
/// message. The inner exception says why (constraint, I/O error, store stopping).
/// </summary>
public sealed class StoreWriteException : Exception
{
    public StoreWriteException()
    {
    }

    public StoreWriteException(string message)
        : base(message)
    {
    }

    public StoreWriteException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
