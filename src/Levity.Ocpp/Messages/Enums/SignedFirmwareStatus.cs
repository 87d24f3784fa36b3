using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Progress of a signed firmware update.</summary>
[JsonConverter(typeof(OcppEnumConverter<SignedFirmwareStatus>))]
[GenerateSerializer, Alias("ocpp.SignedFirmwareStatus")]
public enum SignedFirmwareStatus
{
    Downloaded,
    DownloadFailed,
    Downloading,
    DownloadScheduled,
    DownloadPaused,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
    InstallRebooting,
    InstallScheduled,
    InstallVerificationFailed,
    InvalidSignature,
    SignatureVerified,
}
