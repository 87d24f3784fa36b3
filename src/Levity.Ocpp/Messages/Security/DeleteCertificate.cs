using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// DeleteCertificate.req: deletes an installed certificate. Sent by the central system to the
/// charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.DeleteCertificateRequest")]
public sealed record DeleteCertificateRequest(
    CertificateHashData CertificateHashData) : IOcppRequest<DeleteCertificateResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.DeleteCertificate;
}

/// <summary>DeleteCertificate.conf: the answer to <see cref="DeleteCertificateRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.DeleteCertificateResponse")]
public sealed record DeleteCertificateResponse(
    DeleteCertificateStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.DeleteCertificate;
}
