using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// DiagnosticsStatusNotification.req: reports progress of a diagnostics upload. Sent by the charge
/// point to the central system.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.DiagnosticsStatusNotificationRequest")]
public sealed record DiagnosticsStatusNotificationRequest(
    DiagnosticsStatus Status) : IOcppRequest<DiagnosticsStatusNotificationResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.DiagnosticsStatusNotification;
}

/// <summary>
/// DiagnosticsStatusNotification.conf: the answer to <see
/// cref="DiagnosticsStatusNotificationRequest"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.DiagnosticsStatusNotificationResponse")]
public sealed record DiagnosticsStatusNotificationResponse : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.DiagnosticsStatusNotification;
}
