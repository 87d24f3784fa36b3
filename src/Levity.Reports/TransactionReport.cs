namespace Levity.Reports;

/// <summary>Every transaction that counts in a period, with its energy by the rules, in id order.</summary>
public sealed record TransactionReport(
    ReportPeriod Period,
    IReadOnlyList<TransactionEnergy> Transactions,
    IReadOnlyList<string> Notes)
{
    public long TotalWh => Transactions.Sum(t => t.BilledWh);

    public long UnbilledWh => Transactions.Sum(t => t.UnbilledWh);

    public int FlaggedCount => Transactions.Count(t => t.Flags.NeedsAttention());
}
