namespace Levity.Storage.Reports;

/// <summary>The file cannot be reported on (missing, not a Levity database, unreadable row); the message says why.</summary>
public sealed class ReportDatabaseException : Exception
{
    public ReportDatabaseException()
    {
    }

    public ReportDatabaseException(string message)
        : base(message)
    {
    }

    public ReportDatabaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
