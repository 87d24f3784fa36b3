using System.Security.Cryptography;
using Levity.Silo.Security;

namespace Levity.Silo.Configuration;

/// <summary>The checks of --charger-registration and the --tls-* flags (files are loaded here, so a bad PEM is a usage error, not a crash).</summary>
internal static class ChargerSecurityValidator
{
    public static void Validate(LevityOptions options, List<string> errors)
    {
        if (!ChargerSecurityOptions.TryParseRegistration(options.ChargerRegistration, out _))
        {
            errors.Add($"--charger-registration: '{options.ChargerRegistration}' must be {ChargerSecurityOptions.Open} or {ChargerSecurityOptions.Known}.");
        }

        if (options.TlsPort is not { } tlsPort)
        {
            if (options.TlsCert is not null || options.TlsKey is not null || options.TlsClientCa is not null)
            {
                errors.Add("--tls-port: --tls-cert, --tls-key and --tls-client-ca take effect only with --tls-port.");
            }

            return;
        }

        if (tlsPort is < 0 or > 65535)
        {
            errors.Add($"--tls-port: '{tlsPort}' is not a port number (0-65535).");
        }
        else if (tlsPort != 0 && (tlsPort == options.Port || tlsPort == options.MetricsPort || tlsPort == options.ApiPort || tlsPort == options.SiloPort))
        {
            errors.Add("--tls-port: must differ from --port, --metrics-port, --api-port and --silo-port.");
        }

        if (string.IsNullOrWhiteSpace(options.TlsCert) || string.IsNullOrWhiteSpace(options.TlsKey))
        {
            errors.Add("--tls-port: needs --tls-cert and --tls-key (PEM files).");
        }
        else
        {
            try
            {
                using var tls = ChargerTls.Load(options.TlsCert, options.TlsKey);
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                errors.Add($"--tls-cert/--tls-key: cannot load '{options.TlsCert}' with key '{options.TlsKey}': {e.Message}");
            }
        }

        if (options.TlsClientCa is { } ca)
        {
            try
            {
                using var authority = ClientCertificateAuthority.Load(ca, TimeProvider.System);
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                errors.Add($"--tls-client-ca: cannot load '{ca}': {e.Message}");
            }
        }
    }
}
