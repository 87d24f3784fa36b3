using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Requested availability of a connector.</summary>
[JsonConverter(typeof(OcppEnumConverter<AvailabilityType>))]
[GenerateSerializer, Alias("ocpp.AvailabilityType")]
public enum AvailabilityType
{
    Inoperative,
    Operative,
}
