using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Accepted or rejected.</summary>
[JsonConverter(typeof(OcppEnumConverter<GenericStatus>))]
[GenerateSerializer, Alias("ocpp.GenericStatus")]
public enum GenericStatus
{
    Accepted,
    Rejected,
}
