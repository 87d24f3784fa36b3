using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// Heartbeat.req: tells the central system the charge point is alive; the answer carries the time.
/// Sent by the charge point to the central system.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.HeartbeatRequest")]
public sealed record HeartbeatRequest : IOcppRequest<HeartbeatResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.Heartbeat;
}

/// <summary>Heartbeat.conf: the answer to <see cref="HeartbeatRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.HeartbeatResponse")]
public sealed record HeartbeatResponse(
    DateTimeOffset CurrentTime) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.Heartbeat;
}
