using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of GetCompositeSchedule.</summary>
[JsonConverter(typeof(OcppEnumConverter<GetCompositeScheduleStatus>))]
[GenerateSerializer, Alias("ocpp.GetCompositeScheduleStatus")]
public enum GetCompositeScheduleStatus
{
    Accepted,
    Rejected,
}
