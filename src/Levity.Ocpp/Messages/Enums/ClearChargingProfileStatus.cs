using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of ClearChargingProfile.</summary>
[JsonConverter(typeof(OcppEnumConverter<ClearChargingProfileStatus>))]
[GenerateSerializer, Alias("ocpp.ClearChargingProfileStatus")]
public enum ClearChargingProfileStatus
{
    Accepted,
    Unknown,
}
