using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// ClearChargingProfile.req: removes charging profiles matching the given criteria. Sent by the
/// central system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.ClearChargingProfileRequest")]
public sealed record ClearChargingProfileRequest(
    int? Id = null,
    int? ConnectorId = null,
    ChargingProfilePurposeType? ChargingProfilePurpose = null,
    int? StackLevel = null) : IOcppRequest<ClearChargingProfileResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.ClearChargingProfile;
}

/// <summary>ClearChargingProfile.conf: the answer to <see cref="ClearChargingProfileRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.ClearChargingProfileResponse")]
public sealed record ClearChargingProfileResponse(
    ClearChargingProfileStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.ClearChargingProfile;
}
