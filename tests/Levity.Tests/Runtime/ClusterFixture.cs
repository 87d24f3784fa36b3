using Levity.Runtime.Testing;

namespace Levity.Tests.Runtime;

/// <summary>
/// One in-process cluster shared by a test collection (Orleans' TestCluster fixture pattern).
/// Tests that move the clock or stop the silo start their own cluster instead.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await TestSilo.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Runtime cluster";
}
