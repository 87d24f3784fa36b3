using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// SignedUpdateFirmware.req: asks the charge point to install signed firmware. Sent by the central
/// system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.SignedUpdateFirmwareRequest")]
public sealed record SignedUpdateFirmwareRequest(
    int RequestId,
    Firmware Firmware,
    int? Retries = null,
    int? RetryInterval = null) : IOcppRequest<SignedUpdateFirmwareResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.SignedUpdateFirmware;
}

/// <summary>SignedUpdateFirmware.conf: the answer to <see cref="SignedUpdateFirmwareRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.SignedUpdateFirmwareResponse")]
public sealed record SignedUpdateFirmwareResponse(
    UpdateFirmwareStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.SignedUpdateFirmware;
}
