using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// GetLocalListVersion.req: reads the version of the charge point's local authorization list. Sent
/// by the central system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.GetLocalListVersionRequest")]
public sealed record GetLocalListVersionRequest : IOcppRequest<GetLocalListVersionResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.GetLocalListVersion;
}

/// <summary>GetLocalListVersion.conf: the answer to <see cref="GetLocalListVersionRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.GetLocalListVersionResponse")]
public sealed record GetLocalListVersionResponse(
    int ListVersion) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.GetLocalListVersion;
}
