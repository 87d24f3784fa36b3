using Levity.Storage.Reports;
namespace Levity.Reports;

/// <summary>
/// One transaction as a report counts it: its whole energy by the rules, and the part of it that
/// falls in the period. <see cref="BilledWh"/> is what the energy report adds up;
/// <see cref="UnbilledWh"/> is the raw delta of a transaction the rules refused to bill.
/// </summary>
public sealed record TransactionEnergy
{
    public required RecordedTransaction Transaction { get; init; }

    /// <summary>The household: the tag's label, or the tag itself without one.</summary>
    public required string Household { get; init; }

    /// <summary>The register value the energy ends at (meterStop, or the last reading when estimated or open).</summary>
    public long? MeterEnd { get; init; }

    /// <summary>MeterEnd − meterStart: the whole transaction's energy, billed or not.</summary>
    public long? DeltaWh { get; init; }

    /// <summary>Energy billed in the report's period (the whole delta, or the period's part of a split one).</summary>
    public long BilledWh { get; init; }

    /// <summary>Raw delta of a negative or implausible transaction started in the period; never billed.</summary>
    public long UnbilledWh { get; init; }

    public TransactionFlags Flags { get; init; }

    public MeterConvention Convention { get; init; }
}
