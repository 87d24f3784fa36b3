using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of ChangeAvailability.</summary>
[JsonConverter(typeof(OcppEnumConverter<AvailabilityStatus>))]
[GenerateSerializer, Alias("ocpp.AvailabilityStatus")]
public enum AvailabilityStatus
{
    Accepted,
    Rejected,
    Scheduled,
}
