using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Unit of a sampled value.</summary>
[JsonConverter(typeof(OcppEnumConverter<UnitOfMeasure>))]
[GenerateSerializer, Alias("ocpp.UnitOfMeasure")]
public enum UnitOfMeasure
{
    Wh,

    [JsonStringEnumMemberName("kWh")]
    KWh,

    [JsonStringEnumMemberName("varh")]
    Varh,

    [JsonStringEnumMemberName("kvarh")]
    Kvarh,

    W,

    [JsonStringEnumMemberName("kW")]
    KW,

    VA,

    [JsonStringEnumMemberName("kVA")]
    KVA,

    [JsonStringEnumMemberName("var")]
    Var,

    [JsonStringEnumMemberName("kvar")]
    Kvar,

    A,

    V,

    K,

    [OcppEnumAlias("Celcius")]
    Celsius,

    Fahrenheit,

    Percent,

    Hertz,
}
