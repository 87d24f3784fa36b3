using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of GetInstalledCertificateIds.</summary>
[JsonConverter(typeof(OcppEnumConverter<GetInstalledCertificateStatus>))]
[GenerateSerializer, Alias("ocpp.GetInstalledCertificateStatus")]
public enum GetInstalledCertificateStatus
{
    Accepted,
    NotFound,
}
