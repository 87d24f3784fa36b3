using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Progress of a firmware update.</summary>
[JsonConverter(typeof(OcppEnumConverter<FirmwareStatus>))]
[GenerateSerializer, Alias("ocpp.FirmwareStatus")]
public enum FirmwareStatus
{
    Downloaded,
    DownloadFailed,
    Downloading,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
}
