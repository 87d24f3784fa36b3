using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// SecurityEventNotification.req: reports a security event (e.g. a failed login or firmware
/// tampering). Sent by the charge point to the central system.
/// </summary>
/// <remarks>Schema limits: type at most 50 characters; techInfo at most 255 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.SecurityEventNotificationRequest")]
public sealed record SecurityEventNotificationRequest(
    string Type,
    DateTimeOffset Timestamp,
    string? TechInfo = null) : IOcppRequest<SecurityEventNotificationResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.SecurityEventNotification;
}

/// <summary>SecurityEventNotification.conf: the answer to <see cref="SecurityEventNotificationRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.SecurityEventNotificationResponse")]
public sealed record SecurityEventNotificationResponse : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.SecurityEventNotification;
}
