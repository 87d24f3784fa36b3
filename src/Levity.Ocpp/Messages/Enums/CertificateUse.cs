using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Kind of root certificate.</summary>
[JsonConverter(typeof(OcppEnumConverter<CertificateUse>))]
[GenerateSerializer, Alias("ocpp.CertificateUse")]
public enum CertificateUse
{
    CentralSystemRootCertificate,
    ManufacturerRootCertificate,
}
