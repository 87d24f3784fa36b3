namespace Levity.Storage;

/// <summary>Values of <c>tx.status</c> Levity writes (the Python version's words).</summary>
public static class TransactionStatus
{
    public const string Active = "Active";
    public const string Completed = "Completed";
}
