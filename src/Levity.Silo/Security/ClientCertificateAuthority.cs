using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Levity.Silo.Security;

/// <summary>
/// The CA of security profile 3 (--tls-client-ca, PEM, one or more certificates): a charger's
/// client certificate must chain to one of them and be valid for client authentication. The
/// system's own roots are not trusted for this.
/// </summary>
public sealed class ClientCertificateAuthority(X509Certificate2Collection roots, TimeProvider time) : IDisposable
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    public static ClientCertificateAuthority Load(string pemPath, TimeProvider time)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(pemPath);
        if (roots.Count == 0)
        {
            throw new CryptographicException($"{pemPath} holds no PEM certificate.");
        }

        return new ClientCertificateAuthority(roots, time);
    }

    public bool Trusts(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        // Intermediates may come from the same file.
        chain.ChainPolicy.ExtraStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuthentication);
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        foreach (var root in roots)
        {
            root.Dispose();
        }
    }
}
