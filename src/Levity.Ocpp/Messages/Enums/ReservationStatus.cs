using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of ReserveNow.</summary>
[JsonConverter(typeof(OcppEnumConverter<ReservationStatus>))]
[GenerateSerializer, Alias("ocpp.ReservationStatus")]
public enum ReservationStatus
{
    Accepted,
    Faulted,
    Occupied,
    Rejected,
    Unavailable,
}
