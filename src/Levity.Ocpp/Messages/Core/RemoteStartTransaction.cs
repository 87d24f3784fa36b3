using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// RemoteStartTransaction.req: asks the charge point to start a transaction for an idTag. Sent by
/// the central system to the charge point.
/// </summary>
/// <remarks>Schema limits: idTag at most 20 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.RemoteStartTransactionRequest")]
public sealed record RemoteStartTransactionRequest(
    string IdTag,
    int? ConnectorId = null,
    ChargingProfile? ChargingProfile = null) : IOcppRequest<RemoteStartTransactionResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.RemoteStartTransaction;
}

/// <summary>RemoteStartTransaction.conf: the answer to <see cref="RemoteStartTransactionRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.RemoteStartTransactionResponse")]
public sealed record RemoteStartTransactionResponse(
    RemoteStartStopStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.RemoteStartTransaction;
}
