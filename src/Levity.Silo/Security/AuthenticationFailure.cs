namespace Levity.Silo.Security;

/// <summary>Why a charger's handshake was refused: the <c>reason</c> label of <c>levity_charger_auth_failures_total</c>.</summary>
public enum AuthenticationFailure
{
    /// <summary>Not in the registry, and registration is <c>known</c> (HTTP 404).</summary>
    UnknownCharger,

    /// <summary>Registered with enabled = false.</summary>
    Disabled,

    /// <summary>Profile 2 or 3 on plain ws.</summary>
    TlsRequired,

    /// <summary>Profile 1 or 2 without a usable Basic header.</summary>
    MissingCredentials,

    /// <summary>The Basic username is neither the id nor the serial username the operator allowed.</summary>
    WrongUsername,

    /// <summary>The password does not match (or none is stored).</summary>
    WrongPassword,

    /// <summary>Profile 3 without a client certificate.</summary>
    MissingClientCertificate,

    /// <summary>The client certificate does not chain to --tls-client-ca (or none is configured).</summary>
    UntrustedClientCertificate,

    /// <summary>The client certificate's common name is not the charge point id.</summary>
    CertificateNameMismatch,
}
