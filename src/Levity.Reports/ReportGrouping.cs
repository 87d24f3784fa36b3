namespace Levity.Reports;

/// <summary>What one row of an energy report adds up.</summary>
public enum ReportGrouping
{
    /// <summary>The id-tag label (the household); a tag without a label is its own group.</summary>
    Household,

    /// <summary>One row per id tag (case-insensitive, as OCPP compares them).</summary>
    IdTag,

    /// <summary>One row per charger.</summary>
    ChargePoint,
}
