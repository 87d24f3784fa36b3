using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// Reset.req: asks the charge point to reboot, softly or hard. Sent by the central system to the
/// charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.ResetRequest")]
public sealed record ResetRequest(
    ResetType Type) : IOcppRequest<ResetResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.Reset;
}

/// <summary>Reset.conf: the answer to <see cref="ResetRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.ResetResponse")]
public sealed record ResetResponse(
    ResetStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.Reset;
}
