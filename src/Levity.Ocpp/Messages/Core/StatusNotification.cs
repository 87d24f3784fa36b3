using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// StatusNotification.req: reports a connector's (or the charge point's) status and errors. Sent by
/// the charge point to the central system.
/// </summary>
/// <remarks>
/// Schema limits: info at most 50 characters; vendorId at most 255 characters; vendorErrorCode at
/// most 50 characters.
/// </remarks>
[GenerateSerializer, Immutable, Alias("ocpp.StatusNotificationRequest")]
public sealed record StatusNotificationRequest(
    int ConnectorId,
    ChargePointErrorCode ErrorCode,
    ChargePointStatus Status,
    string? Info = null,
    DateTimeOffset? Timestamp = null,
    string? VendorId = null,
    string? VendorErrorCode = null) : IOcppRequest<StatusNotificationResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.StatusNotification;
}

/// <summary>StatusNotification.conf: the answer to <see cref="StatusNotificationRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.StatusNotificationResponse")]
public sealed record StatusNotificationResponse : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.StatusNotification;
}
