namespace Levity.Reports;

/// <summary>
/// One group of an energy report. <see cref="BilledWh"/> adds up the billed part of every
/// transaction in the group; <see cref="UnbilledWh"/> the raw deltas the rules refused to bill.
/// </summary>
public sealed record EnergyReportRow(
    string Group,
    IReadOnlyList<string> IdTags,
    IReadOnlyList<string> ChargePoints,
    int Transactions,
    int Flagged,
    long BilledWh,
    long UnbilledWh);
