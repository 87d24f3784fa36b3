using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// GetLocalListVersion.req: reads the version of the charge point's local authorization list. Sent
/// by the central system to the charge point.
/// </summary>
public sealed record GetLocalListVersionRequest : IOcppRequest<GetLocalListVersionResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.GetLocalListVersion;
}

/// <summary>GetLocalListVersion.conf: the answer to <see cref="GetLocalListVersionRequest"/>.</summary>
public sealed record GetLocalListVersionResponse(
    int ListVersion) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.GetLocalListVersion;
}
