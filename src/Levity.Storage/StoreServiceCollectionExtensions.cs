using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Levity.Storage;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LevityStore"/> as a singleton, as <see cref="IStoreWriter"/> and <see cref="IStoreReader"/>, as a
    /// hosted service, and <see cref="ReservationExpiry"/>. Hosted services start in registration order and stop in reverse, so call
    /// this before registering anything that writes (grain runtime, gateway): the store is then
    /// open before they start and flushed after they stop.
    /// </summary>
    public static IServiceCollection AddLevityStore(this IServiceCollection services, Action<StoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<StoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LevityStore>();
        services.TryAddSingleton<StoreHealth>();
        services.TryAddSingleton<IStoreWriter>(sp => sp.GetRequiredService<LevityStore>());
        services.TryAddSingleton<IStoreReader>(sp => sp.GetRequiredService<LevityStore>());
        services.TryAddSingleton<LoadManagement.ILoadGroupStore>(sp => sp.GetRequiredService<LevityStore>());
        services.AddHostedService(sp => sp.GetRequiredService<LevityStore>());
        // After the store: it starts once the store is open and stops before it is flushed.
        services.AddHostedService<ReservationExpiry>();
        return services;
    }
}
