using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Messages ExtendedTriggerMessage can ask for.</summary>
[JsonConverter(typeof(OcppEnumConverter<ExtendedMessageTrigger>))]
[GenerateSerializer, Alias("ocpp.ExtendedMessageTrigger")]
public enum ExtendedMessageTrigger
{
    BootNotification,
    LogStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    SignChargePointCertificate,
    StatusNotification,
}
