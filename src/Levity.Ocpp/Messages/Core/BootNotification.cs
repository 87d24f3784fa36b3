using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// BootNotification.req: sent by a charge point after (re)booting; the answer admits or rejects it.
/// Sent by the charge point to the central system.
/// </summary>
/// <remarks>
/// Schema limits: chargePointVendor at most 20 characters; chargePointModel at most 20 characters;
/// chargePointSerialNumber at most 25 characters; chargeBoxSerialNumber at most 25 characters;
/// firmwareVersion at most 50 characters; iccid at most 20 characters; imsi at most 20 characters;
/// meterType at most 25 characters; meterSerialNumber at most 25 characters.
/// </remarks>
[GenerateSerializer, Immutable, Alias("ocpp.BootNotificationRequest")]
public sealed record BootNotificationRequest(
    string ChargePointVendor,
    string ChargePointModel,
    string? ChargePointSerialNumber = null,
    string? ChargeBoxSerialNumber = null,
    string? FirmwareVersion = null,
    string? Iccid = null,
    string? Imsi = null,
    string? MeterType = null,
    string? MeterSerialNumber = null) : IOcppRequest<BootNotificationResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.BootNotification;
}

/// <summary>BootNotification.conf: the answer to <see cref="BootNotificationRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.BootNotificationResponse")]
public sealed record BootNotificationResponse(
    RegistrationStatus Status,
    DateTimeOffset CurrentTime,
    int Interval) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.BootNotification;
}
