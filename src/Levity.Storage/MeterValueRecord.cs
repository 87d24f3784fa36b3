namespace Levity.Storage;

/// <summary>
/// A stored <c>meter_val</c> row with everything the charger sent. <see cref="ConnectorId"/> is the
/// connector number; <see cref="Phase"/> is null when the sample had none.
/// </summary>
public sealed record MeterValueRecord(
    DateTimeOffset? Timestamp,
    int ConnectorId,
    string Measurand,
    double Value,
    string Unit,
    string Context,
    string Location,
    string? Phase,
    string Format);
