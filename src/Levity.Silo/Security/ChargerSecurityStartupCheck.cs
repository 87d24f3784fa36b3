using Levity.Silo.Configuration;
using Levity.Storage.Registry;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Security;

/// <summary>
/// At start, warns when anyone on the network can connect as any charger: the OCPP listener is
/// beyond loopback, registration is open and no charger has credentials. Started after the store.
/// </summary>
internal sealed partial class ChargerSecurityStartupCheck(
    IChargerRegistry registry,
    IOptions<LevityOptions> options,
    IOptions<ChargerSecurityOptions> security,
    ILogger<ChargerSecurityStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var host = options.Value.Host;
        if (LevityOptionsValidator.IsLoopback(host) || security.Value.Registration != ChargerRegistrationMode.Open)
        {
            return;
        }

        if (!await registry.AnyCredentialsAsync(cancellationToken))
        {
            Log.Unprotected(logger, host);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 803, Level = LogLevel.Warning, Message = "Chargers connect on {Host} with --charger-registration open and no charger has a password or client certificate: anyone on the network can connect as any charger and change its data. See docs/security.md (levity cp add ID --profile 1).")]
        public static partial void Unprotected(ILogger logger, string host);
    }
}
