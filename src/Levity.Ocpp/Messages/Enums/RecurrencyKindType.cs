using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Period of a recurring charging profile.</summary>
[JsonConverter(typeof(OcppEnumConverter<RecurrencyKindType>))]
[GenerateSerializer, Alias("ocpp.RecurrencyKindType")]
public enum RecurrencyKindType
{
    Daily,
    Weekly,
}
