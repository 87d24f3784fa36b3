namespace Levity.Storage;

/// <summary>
/// Where a reservation stands, as stored in <c>reservation.state</c>. Requested: sent, no answer
/// came (timeout or lost connection), so the charger may or may not hold it. Refused: the charger
/// answered something other than Accepted (its answer is in the charger status).
/// </summary>
public enum ReservationState
{
    Requested,
    Accepted,
    Refused,
    Cancelled,
    Used,
    Expired,
}
