using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>CancelReservation.req: cancels a reservation. Sent by the central system to the charge point.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.CancelReservationRequest")]
public sealed record CancelReservationRequest(
    int ReservationId) : IOcppRequest<CancelReservationResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.CancelReservation;
}

/// <summary>CancelReservation.conf: the answer to <see cref="CancelReservationRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.CancelReservationResponse")]
public sealed record CancelReservationResponse(
    CancelReservationStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.CancelReservation;
}
