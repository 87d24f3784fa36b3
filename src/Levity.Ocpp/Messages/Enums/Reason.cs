using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Why a transaction stopped.</summary>
[JsonConverter(typeof(OcppEnumConverter<Reason>))]
[GenerateSerializer, Alias("ocpp.Reason")]
public enum Reason
{
    EmergencyStop,
    EVDisconnected,
    HardReset,
    Local,
    Other,
    PowerLoss,
    Reboot,
    Remote,
    SoftReset,
    UnlockCommand,
    DeAuthorized,
}
