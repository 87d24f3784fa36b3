using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of ChangeConfiguration.</summary>
[JsonConverter(typeof(OcppEnumConverter<ConfigurationStatus>))]
[GenerateSerializer, Alias("ocpp.ConfigurationStatus")]
public enum ConfigurationStatus
{
    Accepted,
    Rejected,
    RebootRequired,
    NotSupported,
}
