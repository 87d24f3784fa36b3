using Levity.Runtime.Testing;
using Levity.Tests.Runtime.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Runtime;

public sealed class InProcessTestClusterTests
{
    [Fact]
    public async Task DisposeAsync_AfterStateWrites_DeletesTemporaryDatabase()
    {
        var cluster = await TestSilo.StartAsync();
        await cluster.Grain<IProfileGrain>("temp").SetName("x");
        var directory = Path.GetDirectoryName(cluster.DatabasePath)!;
        Assert.True(File.Exists(cluster.DatabasePath));

        await cluster.DisposeAsync();

        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task StopAsync_Twice_IsHarmless()
    {
        await using var cluster = await TestSilo.StartAsync();
        await cluster.Grain<ICounterGrain>("c").Add(1);

        await cluster.StopAsync();
        await cluster.StopAsync();

        Assert.Equal(1, cluster.Probe().Count("deactivate:c:ShuttingDown"));
    }

    [Fact]
    public async Task StartAsync_ServicesAndClock_AreTheSilos()
    {
        await using var cluster = await InProcessTestCluster.StartAsync(
            silo => Levity.Runtime.Hosting.SiloBuilderExtensions.AddGrain<ICounterGrain, CounterGrain>(silo),
            services => services.AddSingleton<GrainProbe>());

        Assert.Same(cluster.TimeProvider, cluster.ServiceProvider.GetRequiredService<TimeProvider>());
        Assert.Equal(2, await cluster.GrainFactory.GetGrain<ICounterGrain>("k").Add(2));
    }
}
