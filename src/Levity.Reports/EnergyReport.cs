namespace Levity.Reports;

/// <summary>
/// Energy per group over a period. <see cref="TotalWh"/> is the billed total: the sum of the
/// rows' BilledWh, and the sum of BilledWh over <see cref="TransactionsCounted"/>.
/// </summary>
public sealed record EnergyReport(
    ReportPeriod Period,
    ReportGrouping By,
    IReadOnlyList<EnergyReportRow> Rows,
    long TotalWh,
    long UnbilledWh,
    IReadOnlyList<TransactionEnergy> TransactionsCounted,
    IReadOnlyList<string> Notes)
{
    public int FlaggedCount => TransactionsCounted.Count(t => t.Flags.NeedsAttention());

    public IEnumerable<TransactionEnergy> Flagged => TransactionsCounted.Where(t => t.Flags.NeedsAttention());
}
