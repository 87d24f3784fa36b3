using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Kind of reboot requested by Reset.</summary>
[JsonConverter(typeof(OcppEnumConverter<ResetType>))]
[GenerateSerializer, Alias("ocpp.ResetType")]
public enum ResetType
{
    Hard,
    Soft,
}
