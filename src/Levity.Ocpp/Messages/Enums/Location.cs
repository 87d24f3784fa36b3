using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Where a sampled value was measured.</summary>
[JsonConverter(typeof(OcppEnumConverter<Location>))]
[GenerateSerializer, Alias("ocpp.Location")]
public enum Location
{
    Cable,
    EV,
    Inlet,
    Outlet,
    Body,
}
