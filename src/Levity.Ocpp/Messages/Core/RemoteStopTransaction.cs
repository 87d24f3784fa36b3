using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// RemoteStopTransaction.req: asks the charge point to stop a transaction. Sent by the central
/// system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.RemoteStopTransactionRequest")]
public sealed record RemoteStopTransactionRequest(
    int TransactionId) : IOcppRequest<RemoteStopTransactionResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.RemoteStopTransaction;
}

/// <summary>RemoteStopTransaction.conf: the answer to <see cref="RemoteStopTransactionRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.RemoteStopTransactionResponse")]
public sealed record RemoteStopTransactionResponse(
    RemoteStartStopStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.RemoteStopTransaction;
}
