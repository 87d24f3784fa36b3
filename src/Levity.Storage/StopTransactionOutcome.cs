namespace Levity.Storage;

/// <summary>What a StopTransaction (or an orphan close) did to the stored transaction.</summary>
public enum StopTransactionOutcome
{
    /// <summary>The transaction was active and is now completed.</summary>
    Stopped,

    /// <summary>The transaction was already completed: nothing changed (a repeated stop).</summary>
    AlreadyStopped,

    /// <summary>No transaction with that id belongs to this charger; the data went to <c>anomaly</c>.</summary>
    UnknownTransaction,
}
