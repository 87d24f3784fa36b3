namespace Levity.Grains.LoadManagement;

/// <summary>
/// What a site remembers of one connector between recomputes: its transaction, when it started its
/// turn or began waiting (the rotation), what it was last told and when it was raised, and
/// whether it draws more than that.
/// </summary>
internal sealed class ConnectorRuntime
{
    public int? TransactionId { get; set; }

    /// <summary>When its current stretch of charging began (null: paused or new).</summary>
    public DateTimeOffset? RunningSince { get; set; }

    /// <summary>When it last won its place against waiting cars: it keeps it for one rotation from then.</summary>
    public DateTimeOffset? TurnStart { get; set; }

    /// <summary>Time it charged in earlier stretches of this transaction.</summary>
    public TimeSpan Served { get; set; }

    /// <summary>Turns it started in this transaction (the rotation ranks by these before charging time).</summary>
    public int Turns { get; set; }

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
        TurnStart = null;
        Served = TimeSpan.Zero;
        Turns = 0;
        WaitingSince = null;
        SentAmps = null;
        RaisedAt = null;
        OverSince = null;
        Overdrawing = false;
    }
}
