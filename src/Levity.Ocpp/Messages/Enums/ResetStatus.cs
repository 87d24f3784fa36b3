using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of Reset.</summary>
[JsonConverter(typeof(OcppEnumConverter<ResetStatus>))]
[GenerateSerializer, Alias("ocpp.ResetStatus")]
public enum ResetStatus
{
    Accepted,
    Rejected,
}
