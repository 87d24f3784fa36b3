namespace Levity.Silo.Security;

/// <summary>The metric label and log text of each <see cref="AuthenticationFailure"/>.</summary>
public static class AuthenticationFailureLabels
{
    public static string Label(this AuthenticationFailure failure) => failure switch
    {
        AuthenticationFailure.UnknownCharger => "unknown_charger",
        AuthenticationFailure.Disabled => "disabled",
        AuthenticationFailure.TlsRequired => "tls_required",
        AuthenticationFailure.MissingCredentials => "missing_credentials",
        AuthenticationFailure.WrongUsername => "wrong_username",
        AuthenticationFailure.WrongPassword => "wrong_password",
        AuthenticationFailure.MissingClientCertificate => "missing_client_certificate",
        AuthenticationFailure.UntrustedClientCertificate => "untrusted_client_certificate",
        AuthenticationFailure.CertificateNameMismatch => "certificate_name_mismatch",
        _ => "other",
    };

    public static string Describe(this AuthenticationFailure failure) => failure switch
    {
        AuthenticationFailure.UnknownCharger => "unknown charge point id (registration is known)",
        AuthenticationFailure.Disabled => "the charger is disabled in the registry",
        AuthenticationFailure.TlsRequired => "security profile 2 and 3 connect only over TLS (wss)",
        AuthenticationFailure.MissingCredentials => "HTTP Basic credentials required",
        AuthenticationFailure.WrongUsername => "the Basic username is not the charge point id",
        AuthenticationFailure.WrongPassword => "wrong password",
        AuthenticationFailure.MissingClientCertificate => "a TLS client certificate is required",
        AuthenticationFailure.UntrustedClientCertificate => "the client certificate is not issued by the configured CA",
        AuthenticationFailure.CertificateNameMismatch => "the client certificate's common name is not the charge point id",
        _ => "refused",
    };
}
