using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// StopTransaction.req: reports that a transaction ended, with the final meter reading. Sent by the
/// charge point to the central system.
/// </summary>
/// <remarks>Schema limits: idTag at most 20 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.StopTransactionRequest")]
public sealed record StopTransactionRequest(
    int MeterStop,
    DateTimeOffset Timestamp,
    int TransactionId,
    string? IdTag = null,
    Reason? Reason = null,
    IReadOnlyList<MeterValue>? TransactionData = null) : IOcppRequest<StopTransactionResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.StopTransaction;
}

/// <summary>StopTransaction.conf: the answer to <see cref="StopTransactionRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.StopTransactionResponse")]
public sealed record StopTransactionResponse(
    IdTagInfo? IdTagInfo = null) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.StopTransaction;
}
