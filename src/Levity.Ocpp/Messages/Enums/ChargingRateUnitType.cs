using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Unit of a charging limit: amperes or watts.</summary>
[JsonConverter(typeof(OcppEnumConverter<ChargingRateUnitType>))]
[GenerateSerializer, Alias("ocpp.ChargingRateUnitType")]
public enum ChargingRateUnitType
{
    A,
    W,
}
