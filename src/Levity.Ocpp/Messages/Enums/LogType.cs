using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Kind of log GetLog asks for.</summary>
[JsonConverter(typeof(OcppEnumConverter<LogType>))]
[GenerateSerializer, Alias("ocpp.LogType")]
public enum LogType
{
    DiagnosticsLog,
    SecurityLog,
}
