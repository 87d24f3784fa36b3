using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// SignedFirmwareStatusNotification.req: reports progress of a signed firmware update. Sent by the
/// charge point to the central system.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.SignedFirmwareStatusNotificationRequest")]
public sealed record SignedFirmwareStatusNotificationRequest(
    SignedFirmwareStatus Status,
    int? RequestId = null) : IOcppRequest<SignedFirmwareStatusNotificationResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.SignedFirmwareStatusNotification;
}

/// <summary>
/// SignedFirmwareStatusNotification.conf: the answer to <see
/// cref="SignedFirmwareStatusNotificationRequest"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.SignedFirmwareStatusNotificationResponse")]
public sealed record SignedFirmwareStatusNotificationResponse : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.SignedFirmwareStatusNotification;
}
