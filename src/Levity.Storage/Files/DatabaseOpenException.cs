namespace Levity.Storage.Files;

/// <summary>
/// The database file was refused at start. <see cref="Exception.Message"/> is one line naming the
/// file and the reason, written for the operator who reads it on a terminal or in the journal.
/// </summary>
public sealed class DatabaseOpenException : Exception
{
    public DatabaseOpenException()
    {
    }

    public DatabaseOpenException(string message)
        : base(message)
    {
    }

    public DatabaseOpenException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DatabaseOpenException(DatabaseProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    public DatabaseProblem Problem { get; } = DatabaseProblem.CannotOpen;
}
