using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Levity.Tests.Security.Support;

/// <summary>
/// A small PKI made in the test with CertificateRequest, written as PEM files: a server root, an
/// intermediate and a leaf for 127.0.0.1 (the leaf file holds leaf then intermediate, the full
/// chain a charger needs), and a client CA that issues chargers' certificates (profile 3).
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    private TestCertificates(string directory)
    {
        Directory = directory;
        var now = DateTimeOffset.UtcNow;
        Root = Authority("CN=Levity Test Root", null, now);
        Intermediate = Authority("CN=Levity Test Intermediate", Root, now);
        Server = Leaf("CN=127.0.0.1", Intermediate, ServerAuth, now, server: true);
        ClientCa = Authority("CN=Levity Test Charger CA", null, now);
        OtherCa = Authority("CN=Someone Else's CA", null, now);

        ServerCertPath = Path.Combine(directory, "server.pem");
        ServerKeyPath = Path.Combine(directory, "server.key");
        ClientCaPath = Path.Combine(directory, "client-ca.pem");
        File.WriteAllText(ServerCertPath, Server.ExportCertificatePem() + "\n" + Intermediate.ExportCertificatePem() + "\n");
        File.WriteAllText(ServerKeyPath, Server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(ClientCaPath, ClientCa.ExportCertificatePem() + "\n");
    }

    public string Directory { get; }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 ClientCa { get; }

    public X509Certificate2 OtherCa { get; }

    public string ServerCertPath { get; }

    public string ServerKeyPath { get; }

    public string ClientCaPath { get; }

    public static TestCertificates Create() => new(System.IO.Directory.CreateTempSubdirectory("levity-pki-").FullName);

    /// <summary>A charger's client certificate with common name <paramref name="commonName"/>, issued by the client CA (or <paramref name="issuer"/>).</summary>
    public X509Certificate2 Charger(string commonName, X509Certificate2? issuer = null) =>
        Leaf($"CN={commonName}", issuer ?? ClientCa, ClientAuth, DateTimeOffset.UtcNow, server: false);

    /// <summary>
    /// Validates the server as a charger that knows only the root would: the chain must be built
    /// from what the server sent (the validation callback's extra store), not from a local store.
    /// </summary>
    public bool ValidatesWithRootOnly(X509Certificate? certificate, X509Chain? sent)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (sent is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(sent.ChainPolicy.ExtraStore);
        }

        return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    private static X509Certificate2 Authority(string subject, X509Certificate2? issuer, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        }

        using var signed = request.Create(issuer, now.AddDays(-1), now.AddYears(4), RandomNumberGenerator.GetBytes(8));
        return signed.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 Leaf(string subject, X509Certificate2 issuer, Oid usage, DateTimeOffset now, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        using var signed = request.Create(issuer, now.AddDays(-1), now.AddYears(1), RandomNumberGenerator.GetBytes(8));
        return signed.CopyWithPrivateKey(key);
    }

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
        Server.Dispose();
        ClientCa.Dispose();
        OtherCa.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
