using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of ChangeAvailability.</summary>
[JsonConverter(typeof(OcppEnumConverter<AvailabilityStatus>))]
public enum AvailabilityStatus
{
    Accepted,
    Rejected,
    Scheduled,
}
