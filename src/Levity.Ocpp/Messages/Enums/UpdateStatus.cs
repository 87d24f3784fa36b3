using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of SendLocalList.</summary>
[JsonConverter(typeof(OcppEnumConverter<UpdateStatus>))]
[GenerateSerializer, Alias("ocpp.UpdateStatus")]
public enum UpdateStatus
{
    Accepted,
    Failed,
    NotSupported,
    VersionMismatch,
}
