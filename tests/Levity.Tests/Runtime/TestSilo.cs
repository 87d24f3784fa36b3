using Levity.Runtime.Hosting;
using Levity.Runtime.Testing;
using Levity.Tests.Runtime.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Runtime;

/// <summary>Starts in-process clusters with every test grain registered.</summary>
internal static class TestSilo
{
    public static Task<InProcessTestCluster> StartAsync(Action<ISiloBuilder>? configure = null, Action<IServiceCollection>? configureServices = null) =>
        InProcessTestCluster.StartAsync(
            silo =>
            {
                AddTestGrains(silo);
                configure?.Invoke(silo);
            },
            services =>
            {
                services.AddSingleton<GrainProbe>();
                services.AddSingleton<TickGate>();
                configureServices?.Invoke(services);
            });

    public static GrainProbe Probe(this InProcessTestCluster cluster) =>
        cluster.ServiceProvider.GetRequiredService<GrainProbe>();

    public static T Grain<T>(this InProcessTestCluster cluster, string key)
        where T : Levity.Runtime.IGrainWithStringKey =>
        cluster.GrainFactory.GetGrain<T>(key);

    private static void AddTestGrains(ISiloBuilder silo)
    {
        silo.AddGrain<ICounterGrain, CounterGrain>();
        silo.AddGrain<ITurnGrain, TurnGrain>();
        silo.AddGrain<IReentrantGrain, ReentrantGrain>();
        silo.AddGrain<IFilteredGrain, FilteredGrain>();
        silo.AddGrain<IProfileGrain, ProfileGrain>();
        silo.AddGrain<ILifecycleGrain, LifecycleGrain>();
        silo.AddGrain<ITimerGrain, TimerGrain>();
        silo.AddGrain<IChargerGrain, ChargerGrain>();
        silo.AddGrain<IHubGrain, HubGrain>();
        silo.AddJsonTypeInfoResolver(RuntimeTestJsonContext.Default);
    }
}
