using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of CertificateSigned.</summary>
[JsonConverter(typeof(OcppEnumConverter<CertificateSignedStatus>))]
[GenerateSerializer, Alias("ocpp.CertificateSignedStatus")]
public enum CertificateSignedStatus
{
    Accepted,
    Rejected,
}
