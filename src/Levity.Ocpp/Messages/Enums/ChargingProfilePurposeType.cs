using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>What a charging profile limits.</summary>
[JsonConverter(typeof(OcppEnumConverter<ChargingProfilePurposeType>))]
[GenerateSerializer, Alias("ocpp.ChargingProfilePurposeType")]
public enum ChargingProfilePurposeType
{
    ChargePointMaxProfile,
    TxDefaultProfile,
    TxProfile,
}
