using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Progress of a diagnostics upload.</summary>
[JsonConverter(typeof(OcppEnumConverter<DiagnosticsStatus>))]
[GenerateSerializer, Alias("ocpp.DiagnosticsStatus")]
public enum DiagnosticsStatus
{
    Idle,
    Uploaded,
    UploadFailed,
    Uploading,
}
