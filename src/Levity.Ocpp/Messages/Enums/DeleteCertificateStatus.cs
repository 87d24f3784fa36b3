using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of DeleteCertificate.</summary>
[JsonConverter(typeof(OcppEnumConverter<DeleteCertificateStatus>))]
[GenerateSerializer, Alias("ocpp.DeleteCertificateStatus")]
public enum DeleteCertificateStatus
{
    Accepted,
    Failed,
    NotFound,
}
