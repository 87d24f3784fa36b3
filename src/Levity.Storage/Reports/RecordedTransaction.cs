namespace Levity.Storage.Reports;

/// <summary>
/// One transaction as the database holds it, with the energy readings a report needs (Wh as
/// sent, before the meter convention is applied): its first and last, and the nearest on each
/// side of the period's boundaries.
/// </summary>
public sealed record RecordedTransaction
{
    public required int Id { get; init; }
    public required string ChargePointId { get; init; }
    public int? ConnectorId { get; init; }
    public required string IdTag { get; init; }

    /// <summary>The id-tag table's label (the household); empty without one.</summary>
    public string Label { get; init; } = string.Empty;

    public required DateTimeOffset Start { get; init; }
    public DateTimeOffset? Stop { get; init; }
    public required long MeterStart { get; init; }
    public long? MeterStop { get; init; }
    public string StopReason { get; init; } = string.Empty;
    public bool IsOpen { get; init; }

    /// <summary>Closed by the server or an operator: meterStop is an estimate, not the charger's.</summary>
    public bool ClosedByServer { get; init; }

    /// <summary>Kinds of anomaly rows recorded against this transaction (ConflictingStop, OrphanClosed, ...).</summary>
    public IReadOnlyList<string> Anomalies { get; init; } = [];

    public MeterPoint? FirstReading { get; init; }
    public MeterPoint? LastReading { get; init; }

    /// <summary>Nearest readings at or before / at or after the period's start and end.</summary>
    public MeterPoint? BeforeFrom { get; init; }
    public MeterPoint? AfterFrom { get; init; }
    public MeterPoint? BeforeTo { get; init; }
    public MeterPoint? AfterTo { get; init; }
}
