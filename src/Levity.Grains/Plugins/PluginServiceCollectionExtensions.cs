using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Levity.Grains.Plugins;

public static class PluginServiceCollectionExtensions
{
    /// <summary>Registers a plugin (a DI singleton); plugins run in registration order.</summary>
    public static IServiceCollection AddChargePointPlugin<TPlugin>(this IServiceCollection services)
        where TPlugin : class, IChargePointPlugin
    {
        services.TryAddSingleton<TPlugin>();
        services.AddSingleton<IChargePointPlugin>(sp => sp.GetRequiredService<TPlugin>());
        return services;
    }

    /// <summary>The plugin machinery: registry, runner and the grain-call filter that runs the hooks.</summary>
    public static ISiloBuilder AddChargePointPlugins(this ISiloBuilder silo, Action<PluginOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddOptions<PluginOptions>();
        if (configure is not null)
        {
            silo.Services.Configure(configure);
        }

        silo.Services.TryAddSingleton<PluginRegistry>();
        silo.Services.TryAddSingleton<PluginRunner>();
        silo.Services.TryAddSingleton<AfterHookWork>();
        // Stopped by the host before the silo (registered after it): hooks may still call grains.
        silo.Services.AddHostedService(sp => sp.GetRequiredService<AfterHookWork>());
        silo.AddIncomingGrainCallFilter<PluginFilter>();
        return silo;
    }
}
