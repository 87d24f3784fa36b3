using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// SendLocalList.req: replaces or updates the charge point's local authorization list. Sent by the
/// central system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.SendLocalListRequest")]
public sealed record SendLocalListRequest(
    int ListVersion,
    UpdateType UpdateType,
    IReadOnlyList<AuthorizationData>? LocalAuthorizationList = null) : IOcppRequest<SendLocalListResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.SendLocalList;
}

/// <summary>SendLocalList.conf: the answer to <see cref="SendLocalListRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.SendLocalListResponse")]
public sealed record SendLocalListResponse(
    UpdateStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.SendLocalList;
}
