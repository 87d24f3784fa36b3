namespace Levity.Storage;

/// <summary>The database cannot be opened or migrated (e.g. it was written by a newer Levity).</summary>
public sealed class StoreSchemaException : Exception
{
    public StoreSchemaException()
    {
    }

    public StoreSchemaException(string message)
        : base(message)
    {
    }

    public StoreSchemaException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
