using System.Collections.Concurrent;
using Levity.Grains.ChargePoints;
using Levity.Grains.Plugins;
using Levity.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Levity.Tests.Grains;

/// <summary>
/// An in-process Orleans test cluster running the real <see cref="ChargePointGrain"/>, each silo
/// with its own SQLite file, the grains on a fake clock (Orleans' own timers stay on real time),
/// and two recording silo-wide filters registered ahead of the plugin filter.
/// </summary>
public sealed class ChargePointCluster : IAsyncLifetime
{
    private readonly short _silos;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "levity-cluster-" + Guid.NewGuid().ToString("N"));

    public ChargePointCluster()
        : this(1)
    {
    }

    internal ChargePointCluster(short silos) => _silos = silos;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>What the recording filters and the cluster plugin saw, per charger id.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string>> Calls { get; } = new(StringComparer.Ordinal);

    public IGrainFactory Grains => Cluster.Client;

    public ConcurrentQueue<string> CallsOf(string chargePointId) => Calls.GetOrAdd(chargePointId, _ => new ConcurrentQueue<string>());

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var builder = new InProcessTestClusterBuilder(_silos);
        builder.ConfigureSilo((silo, siloBuilder) =>
        {
            var services = siloBuilder.Services;
            services.AddSingleton<TimeProvider>(Time);
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            services.AddSingleton(this);
            services.AddLevityStore(store => store.DatabasePath = Path.Combine(_directory, silo.SiloName + ".db"));
            siloBuilder.AddIncomingGrainCallFilter<FirstFilter>();
            siloBuilder.AddIncomingGrainCallFilter<SecondFilter>();
            services.AddChargePointPlugin<ClusterPlugin>();
            siloBuilder.AddChargePointGrains();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The same cluster with two silos.</summary>
public sealed class TwoSiloChargePointCluster() : IAsyncLifetime
{
    public ChargePointCluster Inner { get; } = new(2);

    public Task InitializeAsync() => Inner.InitializeAsync();

    public Task DisposeAsync() => Inner.DisposeAsync();
}
