using Levity.Grains.Plugins;
using Levity.Silo.Configuration;
using Levity.Storage;
using Levity.Storage.Registry;

namespace Levity.Silo.Security;

public static class ChargerSecurityServiceCollectionExtensions
{
    /// <summary>The handshake check, its throttle and metric, the --tls-client-ca CA, the security records; after the store.</summary>
    public static IServiceCollection AddChargerSecurity(this IServiceCollection services, LevityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.Configure<ChargerSecurityOptions>(s =>
            s.Registration = ChargerSecurityOptions.TryParseRegistration(options.ChargerRegistration, out var mode) ? mode : ChargerRegistrationMode.Open);
        services.AddSingleton<IChargerRegistry>(sp => sp.GetRequiredService<LevityStore>());
        services.AddSingleton<AuthenticationThrottle>();
        services.AddSingleton<SecurityMetrics>();
        if (options.TlsPort is not null && options.TlsClientCa is { } ca)
        {
            services.AddSingleton(sp => ClientCertificateAuthority.Load(ca, sp.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<ChargerAuthenticator>();
        services.AddChargePointPlugin<SecurityRecordPlugin>();
        services.AddHostedService<ChargerSecurityStartupCheck>();
        return services;
    }
}
