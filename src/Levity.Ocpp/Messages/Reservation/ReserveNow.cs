using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// ReserveNow.req: reserves a connector for an idTag until an expiry date. Sent by the central
/// system to the charge point.
/// </summary>
/// <remarks>Schema limits: idTag at most 20 characters; parentIdTag at most 20 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.ReserveNowRequest")]
public sealed record ReserveNowRequest(
    int ConnectorId,
    DateTimeOffset ExpiryDate,
    string IdTag,
    int ReservationId,
    string? ParentIdTag = null) : IOcppRequest<ReserveNowResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.ReserveNow;
}

/// <summary>ReserveNow.conf: the answer to <see cref="ReserveNowRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.ReserveNowResponse")]
public sealed record ReserveNowResponse(
    ReservationStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.ReserveNow;
}
