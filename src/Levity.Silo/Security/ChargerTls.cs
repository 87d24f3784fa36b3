using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Levity.Silo.Security;

/// <summary>
/// The wss listener's certificate (--tls-cert, --tls-key; PEM). Every certificate after the first
/// in the --tls-cert file is served as the chain: chargers often cannot fetch a missing
/// intermediate and some trust only a root they ship with, so the whole chain goes out in the
/// handshake. TLS 1.2 and 1.3 only. With --tls-client-ca the listener asks for (but does not
/// demand) a client certificate: profile 2 chargers have none, and the handshake check
/// (<see cref="ChargerAuthenticator"/>) validates it for profile 3 chargers, where a refusal can
/// be logged and counted.
/// </summary>
public sealed class ChargerTls : IDisposable
{
    private ChargerTls(X509Certificate2 certificate, X509Certificate2Collection chain)
    {
        Certificate = certificate;
        Chain = chain;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The intermediates (and root, if given) served after the leaf.</summary>
    public X509Certificate2Collection Chain { get; }

    public static ChargerTls Load(string certificatePath, string keyPath)
    {
        var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        var all = new X509Certificate2Collection();
        all.ImportFromPemFile(certificatePath);
        var chain = new X509Certificate2Collection();
        foreach (var c in all)
        {
            if (c.Thumbprint == certificate.Thumbprint)
            {
                c.Dispose();
            }
            else
            {
                chain.Add(c);
            }
        }

        return new ChargerTls(certificate, chain);
    }

    public void Apply(ListenOptions listen, bool requestClientCertificate)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = Certificate,
            ServerCertificateChain = Chain,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificateMode = requestClientCertificate ? ClientCertificateMode.AllowCertificate : ClientCertificateMode.NoCertificate,
            // Trust is decided per charger at the WebSocket handshake, against --tls-client-ca only.
            ClientCertificateValidation = (_, _, _) => true,
        });
    }

    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var c in Chain)
        {
            c.Dispose();
        }
    }
}
