namespace Levity.Storage;

/// <summary>A <c>reservation</c> row.</summary>
public sealed record ReservationRecord(
    int ReservationId,
    string ChargePointId,
    int ConnectorId,
    string IdTag,
    string? ParentIdTag,
    DateTimeOffset? ExpiryDate,
    string Status,
    string? ChargerStatus,
    int? TransactionId,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt);
