namespace Levity.Storage;

/// <summary>
/// A ReserveNow sent to a charger and its outcome. <see cref="ChargerStatus"/> is the charger's
/// answer (Accepted, Faulted, Occupied, Rejected, Unavailable), null when none came.
/// <see cref="RequestedAt"/> is when the call was sent: a StartTransaction naming the reservation
/// that the store committed after it is taken to have used it.
/// </summary>
public sealed record ReservationRequest(
    int ReservationId,
    int ConnectorId,
    string IdTag,
    string? ParentIdTag,
    DateTimeOffset ExpiryDate,
    string? ChargerStatus,
    DateTimeOffset RequestedAt);
