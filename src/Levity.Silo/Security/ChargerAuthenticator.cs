using Levity.Storage;
using Levity.Storage.Registry;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Security;

/// <summary>
/// Decides, once per connection and before the WebSocket upgrade, whether a charger may connect
/// (OCPP 1.6 security whitepaper, profiles 0 to 3): the registry says which profile the id must
/// use; profile 1 and 2 need HTTP Basic with the id (or the serial number the operator allowed)
/// and the password, 2 and 3 need TLS, 3 a client certificate from --tls-client-ca whose common
/// name is the id. Nothing here touches the charger's existing session. Failures are logged with
/// the remote address, counted, and slow down further attempts from the same address.
/// </summary>
public sealed partial class ChargerAuthenticator(
    IChargerRegistry registry,
    IOptions<ChargerSecurityOptions> options,
    AuthenticationThrottle throttle,
    SecurityMetrics metrics,
    TimeProvider time,
    ILogger<ChargerAuthenticator> logger,
    ClientCertificateAuthority? clientCa = null)
{
    private readonly ChargerRegistrationMode _mode = options.Value.Registration;

    public async Task<ChargerAuthentication> AuthenticateAsync(HttpContext context, string chargePointId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        var delay = throttle.DelayFor(address);
        if (delay > TimeSpan.Zero)
        {
            Log.Throttled(logger, chargePointId, address?.ToString(), delay.TotalSeconds);
            await Task.Delay(delay, time, cancellationToken);
        }

        var result = await DecideAsync(context, chargePointId, cancellationToken);
        if (result.Failure is { } failure)
        {
            throttle.Failed(address);
            metrics.Failed(failure);
            Log.Refused(logger, chargePointId, address is null ? null : $"{address}:{context.Connection.RemotePort}", failure.Label(), result.SecurityProfile, context.Request.IsHttps);
        }
        else if (result.SecurityProfile > 0)
        {
            throttle.Succeeded(address);
        }

        return result;
    }

    private async Task<ChargerAuthentication> DecideAsync(HttpContext context, string chargePointId, CancellationToken cancellationToken)
    {
        var registration = await registry.FindRegistrationAsync(chargePointId, cancellationToken);
        if (registration is null)
        {
            if (_mode == ChargerRegistrationMode.Known)
            {
                return ChargerAuthentication.Refuse(0, AuthenticationFailure.UnknownCharger);
            }

            try
            {
                var created = await registry.RegisterAtFirstContactAsync(chargePointId, cancellationToken);
                if (created && logger.IsEnabled(LogLevel.Information))
                {
                    var remote = context.Connection.RemoteIpAddress?.ToString();
                    Log.RegisteredAtFirstContact(logger, chargePointId, remote);
                }
            }
            catch (StoreWriteException e)
            {
                // Open registration admits it at profile 0 either way; the record waits for the
                // disk, as the charger's messages do (answered with CALLERRORs meanwhile).
                Log.NotRegistered(logger, e, chargePointId);
            }

            return ChargerAuthentication.Accept(0);
        }

        var profile = registration.SecurityProfile;
        if (!registration.Enabled)
        {
            return ChargerAuthentication.Refuse(profile, AuthenticationFailure.Disabled);
        }

        if (profile >= 2 && !context.Request.IsHttps)
        {
            return ChargerAuthentication.Refuse(profile, AuthenticationFailure.TlsRequired);
        }

        return profile switch
        {
            1 or 2 => CheckPassword(context, registration),
            3 => await CheckClientCertificateAsync(context, registration, cancellationToken),
            _ => ChargerAuthentication.Accept(profile),
        };
    }

    private static ChargerAuthentication CheckPassword(HttpContext context, ChargerRegistration registration)
    {
        var profile = registration.SecurityProfile;
        if (!BasicCredentials.TryParse(context.Request.Headers.Authorization.ToString(), out var credentials))
        {
            return ChargerAuthentication.Refuse(profile, AuthenticationFailure.MissingCredentials);
        }

        var username = credentials!.Username;
        if (!string.Equals(username, registration.ChargePointId, StringComparison.Ordinal)
            && !(registration.SerialUsername is { Length: > 0 } serial && string.Equals(username, serial, StringComparison.Ordinal)))
        {
            return ChargerAuthentication.Refuse(profile, AuthenticationFailure.WrongUsername);
        }

        return ChargerPassword.Verify(credentials.Password, registration.PasswordHash)
            ? ChargerAuthentication.Accept(profile)
            : ChargerAuthentication.Refuse(profile, AuthenticationFailure.WrongPassword);
    }

    private async Task<ChargerAuthentication> CheckClientCertificateAsync(HttpContext context, ChargerRegistration registration, CancellationToken cancellationToken)
    {
        var certificate = context.Connection.ClientCertificate ?? await context.Connection.GetClientCertificateAsync(cancellationToken);
        if (certificate is null)
        {
            return ChargerAuthentication.Refuse(3, AuthenticationFailure.MissingClientCertificate);
        }

        if (clientCa is null || !clientCa.Trusts(certificate))
        {
            return ChargerAuthentication.Refuse(3, AuthenticationFailure.UntrustedClientCertificate);
        }

        var commonName = certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, forIssuer: false);
        return string.Equals(commonName, registration.ChargePointId, StringComparison.Ordinal)
            ? ChargerAuthentication.Accept(3)
            : ChargerAuthentication.Refuse(3, AuthenticationFailure.CertificateNameMismatch);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 800, Level = LogLevel.Warning, Message = "Refused charger {ChargePointId} from {RemoteAddress}: {Reason} (security profile {SecurityProfile}, TLS: {Tls})")]
        public static partial void Refused(ILogger logger, string chargePointId, string? remoteAddress, string reason, int securityProfile, bool tls);

        [LoggerMessage(EventId = 801, Level = LogLevel.Information, Message = "Registered charger {ChargePointId} at first contact from {RemoteAddress} (security profile 0; --charger-registration open)")]
        public static partial void RegisteredAtFirstContact(ILogger logger, string chargePointId, string? remoteAddress);

        [LoggerMessage(EventId = 806, Level = LogLevel.Warning, Message = "Charger {ChargePointId} admitted at first contact but not registered: the database refused the write; it is registered at a later connection")]
        public static partial void NotRegistered(ILogger logger, Exception exception, string chargePointId);

        [LoggerMessage(EventId = 802, Level = LogLevel.Warning, Message = "Slowing down charger {ChargePointId} from {RemoteAddress} by {DelaySeconds} s after repeated authentication failures")]
        public static partial void Throttled(ILogger logger, string chargePointId, string? remoteAddress, double delaySeconds);
    }
}
