using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Messages TriggerMessage can ask for.</summary>
[JsonConverter(typeof(OcppEnumConverter<MessageTrigger>))]
[GenerateSerializer, Alias("ocpp.MessageTrigger")]
public enum MessageTrigger
{
    BootNotification,
    DiagnosticsStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    StatusNotification,
}
