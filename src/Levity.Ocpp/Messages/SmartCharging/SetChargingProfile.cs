using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// SetChargingProfile.req: installs a charging profile (a power or current limit over time). Sent
/// by the central system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.SetChargingProfileRequest")]
public sealed record SetChargingProfileRequest(
    int ConnectorId,
    ChargingProfile CsChargingProfiles) : IOcppRequest<SetChargingProfileResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.SetChargingProfile;
}

/// <summary>SetChargingProfile.conf: the answer to <see cref="SetChargingProfileRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.SetChargingProfileResponse")]
public sealed record SetChargingProfileResponse(
    ChargingProfileStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.SetChargingProfile;
}
