using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// SignCertificate.req: sends a certificate signing request from the charge point. Sent by the
/// charge point to the central system.
/// </summary>
/// <remarks>Schema limits: csr at most 5500 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.SignCertificateRequest")]
public sealed record SignCertificateRequest(
    string Csr) : IOcppRequest<SignCertificateResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.SignCertificate;
}

/// <summary>SignCertificate.conf: the answer to <see cref="SignCertificateRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.SignCertificateResponse")]
public sealed record SignCertificateResponse(
    GenericStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.SignCertificate;
}
