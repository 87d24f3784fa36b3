using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of SetChargingProfile.</summary>
[JsonConverter(typeof(OcppEnumConverter<ChargingProfileStatus>))]
[GenerateSerializer, Alias("ocpp.ChargingProfileStatus")]
public enum ChargingProfileStatus
{
    Accepted,
    Rejected,
    NotSupported,
}
