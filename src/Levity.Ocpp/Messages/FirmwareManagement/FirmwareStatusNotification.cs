using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// FirmwareStatusNotification.req: reports progress of a firmware update. Sent by the charge point
/// to the central system.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.FirmwareStatusNotificationRequest")]
public sealed record FirmwareStatusNotificationRequest(
    FirmwareStatus Status) : IOcppRequest<FirmwareStatusNotificationResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.FirmwareStatusNotification;
}

/// <summary>FirmwareStatusNotification.conf: the answer to <see cref="FirmwareStatusNotificationRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.FirmwareStatusNotificationResponse")]
public sealed record FirmwareStatusNotificationResponse : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.FirmwareStatusNotification;
}
