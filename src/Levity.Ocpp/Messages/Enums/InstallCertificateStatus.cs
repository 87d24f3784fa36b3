using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of InstallCertificate.</summary>
[JsonConverter(typeof(OcppEnumConverter<InstallCertificateStatus>))]
[GenerateSerializer, Alias("ocpp.InstallCertificateStatus")]
public enum InstallCertificateStatus
{
    Accepted,
    Failed,
    Rejected,
}
