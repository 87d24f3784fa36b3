using Levity.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Levity.Runtime.Hosting;

public static class LevitySiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds the in-process grain runtime: <see cref="IGrainFactory"/>, a hosted service that starts
    /// and stops the silo with the host, and whatever <paramref name="configure"/> adds:
    /// <code>
    /// services.AddLevitySilo(silo =&gt;
    /// {
    ///     silo.AddGrain&lt;IChargePointGrain, ChargePointGrain&gt;();
    ///     silo.AddIncomingGrainCallFilter&lt;AuditFilter&gt;();
    ///     silo.AddSqliteGrainStorage("Default", o =&gt; o.DatabasePath = "levity.db");
    ///     silo.AddJsonTypeInfoResolver(GrainStateJsonContext.Default);
    ///     silo.Configure&lt;GrainCollectionOptions&gt;(o =&gt; o.CollectionAge = TimeSpan.FromHours(1));
    /// });
    /// </code>
    /// The clock is the registered <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> if none).
    /// Calling it again adds to the same silo.
    /// </summary>
    public static IServiceCollection AddLevitySilo(this IServiceCollection services, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddLogging();
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Silo>();
        services.TryAddSingleton<IGrainFactory>(provider => provider.GetRequiredService<Silo>().GrainFactory);
        services.TryAddSingleton<IGrainStorageSerializer, JsonGrainStorageSerializer>();
        services.AddHostedService<SiloHostedService>();
        configure(new SiloBuilder(services));
        return services;
    }
}
