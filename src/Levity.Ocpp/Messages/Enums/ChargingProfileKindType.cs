using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>How a charging schedule is anchored in time.</summary>
[JsonConverter(typeof(OcppEnumConverter<ChargingProfileKindType>))]
[GenerateSerializer, Alias("ocpp.ChargingProfileKindType")]
public enum ChargingProfileKindType
{
    Absolute,
    Recurring,
    Relative,
}
