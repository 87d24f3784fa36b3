using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// LogStatusNotification.req: reports progress of a log upload. Sent by the charge point to the
/// central system.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.LogStatusNotificationRequest")]
public sealed record LogStatusNotificationRequest(
    UploadLogStatus Status,
    int? RequestId = null) : IOcppRequest<LogStatusNotificationResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.LogStatusNotification;
}

/// <summary>LogStatusNotification.conf: the answer to <see cref="LogStatusNotificationRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.LogStatusNotificationResponse")]
public sealed record LogStatusNotificationResponse : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.LogStatusNotification;
}
