using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of CancelReservation.</summary>
[JsonConverter(typeof(OcppEnumConverter<CancelReservationStatus>))]
[GenerateSerializer, Alias("ocpp.CancelReservationStatus")]
public enum CancelReservationStatus
{
    Accepted,
    Rejected,
}
