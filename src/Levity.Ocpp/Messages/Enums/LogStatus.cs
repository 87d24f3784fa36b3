using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of GetLog.</summary>
[JsonConverter(typeof(OcppEnumConverter<LogStatus>))]
[GenerateSerializer, Alias("ocpp.LogStatus")]
public enum LogStatus
{
    Accepted,
    Rejected,
    AcceptedCanceled,
}
