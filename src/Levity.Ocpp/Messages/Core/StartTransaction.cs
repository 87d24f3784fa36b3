using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// StartTransaction.req: reports that a transaction started; the answer assigns its transactionId.
/// Sent by the charge point to the central system.
/// </summary>
/// <remarks>Schema limits: idTag at most 20 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.StartTransactionRequest")]
public sealed record StartTransactionRequest(
    int ConnectorId,
    string IdTag,
    int MeterStart,
    DateTimeOffset Timestamp,
    int? ReservationId = null) : IOcppRequest<StartTransactionResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.StartTransaction;
}

/// <summary>StartTransaction.conf: the answer to <see cref="StartTransactionRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.StartTransactionResponse")]
public sealed record StartTransactionResponse(
    IdTagInfo IdTagInfo,
    int TransactionId) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.StartTransaction;
}
