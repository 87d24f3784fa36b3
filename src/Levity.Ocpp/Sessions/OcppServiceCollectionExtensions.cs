using Levity.Ocpp.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Levity.Ocpp.Sessions;

/// <summary>Registers the OCPP protocol layer.</summary>
public static class OcppServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="OcppProtocolOptions"/> (validated on first use; bind configuration onto
    /// it with <c>services.Configure&lt;OcppProtocolOptions&gt;(...)</c>), <see cref="OcppMetrics"/>,
    /// <see cref="OcppSessionFactory"/>, the metrics infrastructure and <see cref="TimeProvider.System"/>
    /// unless a TimeProvider is already registered.
    /// </summary>
    public static IServiceCollection AddOcppProtocol(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OcppProtocolOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OcppProtocolOptions>, OcppProtocolOptionsValidator>());
        services.TryAddSingleton<OcppMetrics>();
        services.TryAddSingleton<OcppSessionFactory>();
        return services;
    }
}
