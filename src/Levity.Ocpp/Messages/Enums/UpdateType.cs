using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Whether SendLocalList replaces the list or applies a difference.</summary>
[JsonConverter(typeof(OcppEnumConverter<UpdateType>))]
[GenerateSerializer, Alias("ocpp.UpdateType")]
public enum UpdateType
{
    Differential,
    Full,
}
