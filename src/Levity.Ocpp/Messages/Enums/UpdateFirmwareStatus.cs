using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of SignedUpdateFirmware.</summary>
[JsonConverter(typeof(OcppEnumConverter<UpdateFirmwareStatus>))]
[GenerateSerializer, Alias("ocpp.UpdateFirmwareStatus")]
public enum UpdateFirmwareStatus
{
    Accepted,
    Rejected,
    AcceptedCanceled,
    InvalidCertificate,
    RevokedCertificate,
}
