namespace Levity.Storage;

/// <summary>A StartTransaction request; <see cref="MeterStart"/> is in Wh.</summary>
public sealed record TransactionStart(
    int ConnectorId,
    string IdTag,
    long MeterStart,
    DateTimeOffset Timestamp,
    int? ReservationId = null);
