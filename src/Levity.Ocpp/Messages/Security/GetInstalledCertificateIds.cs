using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// GetInstalledCertificateIds.req: lists installed certificates of a kind. Sent by the central
/// system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.GetInstalledCertificateIdsRequest")]
public sealed record GetInstalledCertificateIdsRequest(
    CertificateUse CertificateType) : IOcppRequest<GetInstalledCertificateIdsResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.GetInstalledCertificateIds;
}

/// <summary>GetInstalledCertificateIds.conf: the answer to <see cref="GetInstalledCertificateIdsRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.GetInstalledCertificateIdsResponse")]
public sealed record GetInstalledCertificateIdsResponse(
    GetInstalledCertificateStatus Status,
    IReadOnlyList<CertificateHashData>? CertificateHashData = null) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.GetInstalledCertificateIds;
}
