using System.Text;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Calls;
using Levity.Ocpp.Messages;
using Levity.Silo.Security;
using Levity.Storage.Registry;

namespace Levity.Silo.Api;

/// <summary>
/// POST /api/registry/{id}/password (<c>levity cp set-password</c>). A connected charger is sent
/// <c>ChangeConfiguration AuthorizationKey</c> (the password's bytes as hex) first, and the stored
/// hash is switched only once it answers Accepted (or RebootRequired: it has the new key and uses
/// it after a reboot); any other answer or failure leaves the old password in force, so the
/// charger is never locked out. A charger that is not connected gets the new hash at once: the
/// operator sets the password on the charger itself.
/// </summary>
internal static partial class PasswordChangeEndpoint
{
    public static async Task<IResult> HandleAsync(string id, HttpRequest request, IChargerRegistry registry, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var (body, error) = RegistrationBody.Parse(await reader.ReadToEndAsync(cancellationToken));
        if (error is not null)
        {
            return error;
        }

        if (await registry.FindRegistrationAsync(id, cancellationToken) is null)
        {
            return RegistryEndpoints.Unknown(id);
        }

        string? generated = null;
        var password = body!.Password;
        if (password is null)
        {
            generated = ChargerPassword.Generate();
            password = Encoding.UTF8.GetBytes(generated);
        }

        var key = ChargerPassword.ToAuthorizationKey(password);
        var logger = loggers.CreateLogger("Levity.Silo.Security.PasswordChange");
        var sent = false;
        try
        {
            var answer = (ChangeConfigurationResponse)await grains.GetGrain<IChargePointGrain>(id).CallCharger(new ChangeConfigurationRequest("AuthorizationKey", key));
            sent = true;
            var status = answer.Status.ToString();
            if (answer.Status is not (ConfigurationStatus.Accepted or ConfigurationStatus.RebootRequired))
            {
                Log.Refused(logger, id, status);
                return Results.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: $"Charger '{id}' answered ChangeConfiguration AuthorizationKey with {status}; the stored password is unchanged.");
            }

            Log.Accepted(logger, id, status);
        }
        catch (ChargerNotConnectedException)
        {
            // Not connected: nothing to tell it; the operator sets the password on the charger.
        }
        catch (OcppConnectionClosedException e) when (!e.WasSent)
        {
            // Went away before the call left: as above.
        }
        catch (Exception e) when (e is OcppConnectionClosedException or OcppCallTimeoutException or OcppCallErrorException or OcppCallQueueFullException)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: $"Charger '{id}' did not accept the new AuthorizationKey; the stored password is unchanged.",
                detail: e.Message);
        }

        if (!await registry.SetPasswordHashAsync(id, ChargerPassword.Hash(password), cancellationToken))
        {
            return RegistryEndpoints.Unknown(id);
        }

        var stored = await registry.FindRegistrationAsync(id, cancellationToken);
        return Results.Ok(new PasswordChangeAnswer(id, sent, generated, key, stored is null ? null : RegistrationView.From(stored)));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 804, Level = LogLevel.Information, Message = "Charger {ChargePointId} answered {Status} to the new AuthorizationKey; its stored password is switched")]
        public static partial void Accepted(ILogger logger, string chargePointId, string status);

        [LoggerMessage(EventId = 805, Level = LogLevel.Warning, Message = "Charger {ChargePointId} answered {Status} to the new AuthorizationKey; its stored password is unchanged")]
        public static partial void Refused(ILogger logger, string chargePointId, string status);
    }
}

/// <summary>
/// The answer of a password change: whether the charger was sent the new AuthorizationKey, the
/// generated password (shown only here) and the key as hex.
/// </summary>
internal sealed record PasswordChangeAnswer(string ChargePointId, bool SentToCharger, string? Password, string AuthorizationKey, RegistrationView? Registration);
