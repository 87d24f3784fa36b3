using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Progress of a log upload.</summary>
[JsonConverter(typeof(OcppEnumConverter<UploadLogStatus>))]
[GenerateSerializer, Alias("ocpp.UploadLogStatus")]
public enum UploadLogStatus
{
    BadMessage,
    Idle,
    NotSupportedOperation,
    PermissionDenied,
    Uploaded,
    UploadFailure,
    Uploading,
}
