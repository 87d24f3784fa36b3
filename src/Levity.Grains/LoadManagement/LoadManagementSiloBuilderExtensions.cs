using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Levity.Grains.LoadManagement;

public static class LoadManagementSiloBuilderExtensions
{
    /// <summary>The services of LoadGroupGrain and of the chargers' load side (Orleans finds the grain itself).</summary>
    public static ISiloBuilder AddLoadManagement(this ISiloBuilder silo, Action<LoadManagementOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<LoadMetrics>();
        silo.Services.AddOptions<LoadManagementOptions>();
        if (configure is not null)
        {
            silo.Services.Configure(configure);
        }

        return silo;
    }
}
