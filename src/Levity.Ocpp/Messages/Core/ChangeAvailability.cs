using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// ChangeAvailability.req: makes a connector (or the whole charge point with connectorId 0)
/// operative or inoperative. Sent by the central system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.ChangeAvailabilityRequest")]
public sealed record ChangeAvailabilityRequest(
    int ConnectorId,
    AvailabilityType Type) : IOcppRequest<ChangeAvailabilityResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.ChangeAvailability;
}

/// <summary>ChangeAvailability.conf: the answer to <see cref="ChangeAvailabilityRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.ChangeAvailabilityResponse")]
public sealed record ChangeAvailabilityResponse(
    AvailabilityStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.ChangeAvailability;
}
