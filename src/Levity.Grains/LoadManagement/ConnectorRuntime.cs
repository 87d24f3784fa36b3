namespace Levity.Grains.LoadManagement;

/// <summary>
/// What a site remembers of one connector between recomputes: its transaction, when it started its
/// turn or began waiting (the rotation), what it was last told and when it was raised, and
/// whether it draws more than that.
/// </summary>
internal sealed class ConnectorRuntime
{
    public int? TransactionId { get; set; }

    public DateTimeOffset? RunningSince { get; set; }

    public DateTimeOffset? WaitingSince { get; set; }

    public double? SentAmps { get; set; }

    public DateTimeOffset? RaisedAt { get; set; }

    public DateTimeOffset? OverSince { get; set; }

    public bool Overdrawing { get; set; }

    /// <summary>Starts afresh for a new transaction on the connector.</summary>
    public void Reset(int? transactionId)
    {
        TransactionId = transactionId;
        RunningSince = null;
        WaitingSince = null;
        SentAmps = null;
        RaisedAt = null;
        OverSince = null;
        Overdrawing = false;
    }
}
