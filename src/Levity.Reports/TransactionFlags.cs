namespace Levity.Reports;

/// <summary>
/// What a report noticed about one transaction. The ones in <see cref="TransactionFlagsExtensions.Attention"/>
/// make a transaction "flagged": its figure is an estimate or is not billed, and someone should look.
/// </summary>
[Flags]
public enum TransactionFlags
{
    None = 0,

    /// <summary>Still open: billed up to its last energy reading.</summary>
    Open = 1,

    /// <summary>Closed by the server (orphan) or an operator, or stored without meterStop: billed up to its last reading.</summary>
    Estimated = 2,

    /// <summary>No meterStop and no energy reading: nothing to bill yet.</summary>
    NoReadings = 4,

    /// <summary>The register went backwards (meter replaced or reset): not billed.</summary>
    Negative = 8,

    /// <summary>More energy than one session can plausibly take: not billed.</summary>
    Implausible = 16,

    /// <summary>Readings contradict the start and stop values around a boundary: not split, attributed to the start.</summary>
    InconsistentReadings = 32,

    /// <summary>Spans a boundary of the period and was split there (informational).</summary>
    Split = 64,

    /// <summary>Spans a boundary but could not be split: attributed to the period of its start (informational).</summary>
    AttributedToStart = 128,

    /// <summary>The charger's MeterValues count from the session's start; read as meterStart + value (informational).</summary>
    SessionRelativeMeter = 256,
}
