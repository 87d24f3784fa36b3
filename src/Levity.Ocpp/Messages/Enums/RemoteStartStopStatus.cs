using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of RemoteStartTransaction and RemoteStopTransaction.</summary>
[JsonConverter(typeof(OcppEnumConverter<RemoteStartStopStatus>))]
[GenerateSerializer, Alias("ocpp.RemoteStartStopStatus")]
public enum RemoteStartStopStatus
{
    Accepted,
    Rejected,
}
