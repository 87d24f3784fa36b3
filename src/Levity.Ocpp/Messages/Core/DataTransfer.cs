using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>DataTransfer.req: vendor-specific data, in either direction. Sent in either direction.</summary>
/// <remarks>Schema limits: vendorId at most 255 characters; messageId at most 50 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.DataTransferRequest")]
public sealed record DataTransferRequest(
    string VendorId,
    string? MessageId = null,
    string? Data = null) : IOcppRequest<DataTransferResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.DataTransfer;
}

/// <summary>DataTransfer.conf: the answer to <see cref="DataTransferRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.DataTransferResponse")]
public sealed record DataTransferResponse(
    DataTransferStatus Status,
    string? Data = null) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.DataTransfer;
}
