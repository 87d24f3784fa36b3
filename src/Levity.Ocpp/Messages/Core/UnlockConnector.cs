using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// UnlockConnector.req: asks the charge point to unlock a connector. Sent by the central system to
/// the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.UnlockConnectorRequest")]
public sealed record UnlockConnectorRequest(
    int ConnectorId) : IOcppRequest<UnlockConnectorResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.UnlockConnector;
}

/// <summary>UnlockConnector.conf: the answer to <see cref="UnlockConnectorRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.UnlockConnectorResponse")]
public sealed record UnlockConnectorResponse(
    UnlockStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.UnlockConnector;
}
