using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// CertificateSigned.req: delivers a signed certificate chain to the charge point. Sent by the
/// central system to the charge point.
/// </summary>
/// <remarks>Schema limits: certificateChain at most 10000 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.CertificateSignedRequest")]
public sealed record CertificateSignedRequest(
    string CertificateChain) : IOcppRequest<CertificateSignedResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.CertificateSigned;
}

/// <summary>CertificateSigned.conf: the answer to <see cref="CertificateSignedRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.CertificateSignedResponse")]
public sealed record CertificateSignedResponse(
    CertificateSignedStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.CertificateSigned;
}
