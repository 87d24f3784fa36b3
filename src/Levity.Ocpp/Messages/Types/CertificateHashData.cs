namespace Levity.Ocpp.Messages;

/// <summary>Identifies a certificate by hashes of its issuer and its serial number.</summary>
/// <remarks>
/// Schema limits: issuerNameHash at most 128 characters; issuerKeyHash at most 128 characters;
/// serialNumber at most 40 characters.
/// </remarks>
[GenerateSerializer, Immutable, Alias("ocpp.CertificateHashData")]
public sealed record CertificateHashData(
    HashAlgorithm HashAlgorithm,
    string IssuerNameHash,
    string IssuerKeyHash,
    string SerialNumber);
