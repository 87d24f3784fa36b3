using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of UnlockConnector.</summary>
[JsonConverter(typeof(OcppEnumConverter<UnlockStatus>))]
[GenerateSerializer, Alias("ocpp.UnlockStatus")]
public enum UnlockStatus
{
    Unlocked,
    UnlockFailed,
    NotSupported,
}
