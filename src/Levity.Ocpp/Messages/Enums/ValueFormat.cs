using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Whether a sampled value is a plain number or signed data.</summary>
[JsonConverter(typeof(OcppEnumConverter<ValueFormat>))]
[GenerateSerializer, Alias("ocpp.ValueFormat")]
public enum ValueFormat
{
    Raw,
    SignedData,
}
