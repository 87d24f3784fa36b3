using Levity.Tests.Runtime.TestGrains;

namespace Levity.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task OnActivateAsync_Throws_CallerGetsExceptionAndNextCallActivatesAgain()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ILifecycleGrain>("fail-once");

        var caught = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Ping());
        await grain.Ping();

        Assert.Same(LifecycleGrain.ActivationFailure, caught);
        Assert.Equal(2, cluster.Probe().Count("activate:fail-once"));
        Assert.Equal(0, cluster.Probe().Count("deactivate:fail-once:ApplicationRequested"));
    }

    [Fact]
    public async Task DeactivateOnIdle_CallQueuedMeanwhile_IsServedByNewActivation()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ICounterGrain>("recycled");
        await grain.Add(10);
        var gate = new TaskCompletionSource();

        var deactivating = grain.DeactivateAfter(gate.Task);
        var queued = grain.Add(5);
        gate.SetResult();
        await deactivating;

        Assert.Equal(5, await queued);
        Assert.Equal(["activate:recycled", "deactivate:recycled:ApplicationRequested", "activate:recycled"], cluster.Probe().Events);
    }

    [Fact]
    public async Task StateTypeWithoutJsonContract_SiloStart_FailsWithClearMessage()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Levity.Runtime.Testing.InProcessTestCluster.StartAsync(
                silo => Levity.Runtime.Hosting.SiloBuilderExtensions.AddGrain<IProfileGrain, ProfileGrain>(silo),
                services => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<GrainProbe>(services)));

        Assert.Contains("AddJsonTypeInfoResolver", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrainNeedingUnregisteredStorage_FirstCall_FailsNamingTheStorage()
    {
        await using var cluster = await TestSilo.StartAsync(silo =>
            Levity.Runtime.Hosting.SiloBuilderExtensions.AddGrain<IOtherStorageGrain, OtherStorageGrain>(silo));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Grain<IOtherStorageGrain>("x").Ping());

        Assert.Contains("\"Elsewhere\"", exception.Message, StringComparison.Ordinal);
    }

    public interface IOtherStorageGrain : Levity.Runtime.IGrainWithStringKey
    {
        Task Ping();
    }

    public sealed class OtherStorageGrain(
        [Levity.Runtime.Storage.PersistentState("state", "Elsewhere")] Levity.Runtime.Storage.IPersistentState<ProfileState> state)
        : Levity.Runtime.Grain, IOtherStorageGrain
    {
        public Task Ping() => Task.FromResult(state.RecordExists);
    }
}
