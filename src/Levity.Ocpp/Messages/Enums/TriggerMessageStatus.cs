using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of TriggerMessage and ExtendedTriggerMessage.</summary>
[JsonConverter(typeof(OcppEnumConverter<TriggerMessageStatus>))]
[GenerateSerializer, Alias("ocpp.TriggerMessageStatus")]
public enum TriggerMessageStatus
{
    Accepted,
    Rejected,
    NotImplemented,
}
