using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// InstallCertificate.req: installs a root certificate on the charge point. Sent by the central
/// system to the charge point.
/// </summary>
/// <remarks>Schema limits: certificate at most 5500 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.InstallCertificateRequest")]
public sealed record InstallCertificateRequest(
    CertificateUse CertificateType,
    string Certificate) : IOcppRequest<InstallCertificateResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.InstallCertificate;
}

/// <summary>InstallCertificate.conf: the answer to <see cref="InstallCertificateRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.InstallCertificateResponse")]
public sealed record InstallCertificateResponse(
    InstallCertificateStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.InstallCertificate;
}
