using Levity.Grains.Authorization;
using Levity.Grains.Diagnostics;
using Levity.Grains.LoadManagement;
using Levity.Grains.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Levity.Grains.ChargePoints;

public static class ChargePointSiloBuilderExtensions
{
    /// <summary>
    /// The services <see cref="ChargePointGrain"/> needs (Orleans finds the grain class itself) and
    /// the plugin machinery.
    /// </summary>
    public static ISiloBuilder AddChargePointGrains(this ISiloBuilder silo, Action<ChargePointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddChargePointPlugins();
        silo.AddLoadManagement();
        silo.Services.TryAddSingleton<CentralCallMetrics>();
        silo.Services.TryAddSingleton<ChargePointMetrics>();
        silo.Services.TryAddSingleton<IdTagDirectory>();
        silo.Services.AddOptions<AuthorizationOptions>();
        silo.Services.AddOptions<ChargePointOptions>();
        if (configure is not null)
        {
            silo.Services.Configure(configure);
        }

        return silo;
    }
}
