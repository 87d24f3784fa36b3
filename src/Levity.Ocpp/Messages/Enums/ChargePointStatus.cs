using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Status of a connector (or of the charge point for connector 0).</summary>
[JsonConverter(typeof(OcppEnumConverter<ChargePointStatus>))]
[GenerateSerializer, Alias("ocpp.ChargePointStatus")]
public enum ChargePointStatus
{
    Available,
    Preparing,
    Charging,
    SuspendedEVSE,
    SuspendedEV,
    Finishing,
    Reserved,
    Unavailable,
    Faulted,
}
