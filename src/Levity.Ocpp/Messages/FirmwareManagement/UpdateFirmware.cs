using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// UpdateFirmware.req: asks the charge point to download and install firmware. Sent by the central
/// system to the charge point.
/// </summary>
/// <remarks>Schema limits: location an absolute URI.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.UpdateFirmwareRequest")]
public sealed record UpdateFirmwareRequest(
    string Location,
    DateTimeOffset RetrieveDate,
    int? Retries = null,
    int? RetryInterval = null) : IOcppRequest<UpdateFirmwareResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.UpdateFirmware;
}

/// <summary>UpdateFirmware.conf: the answer to <see cref="UpdateFirmwareRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.UpdateFirmwareResponse")]
public sealed record UpdateFirmwareResponse : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.UpdateFirmware;
}
