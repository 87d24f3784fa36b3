using Levity.Runtime;
using Levity.Runtime.Testing;
using Levity.Tests.Runtime.TestGrains;

namespace Levity.Tests.Runtime;

[Collection(ClusterCollection.Name)]
public sealed class GrainCallTests(ClusterFixture fixture)
{
    private readonly InProcessTestCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task GetGrain_SameKey_ReachesSameActivation()
    {
        var key = NewKey();
        await _cluster.Grain<ICounterGrain>(key).Add(2);
        await _cluster.Grain<ICounterGrain>(key).Add(3);

        Assert.Equal(5, await _cluster.Grain<ICounterGrain>(key).Get());
        Assert.Equal(1, _cluster.Probe().Count($"activate:{key}"));
    }

    [Fact]
    public async Task GetGrain_DifferentKeys_AreSeparateGrains()
    {
        var first = _cluster.Grain<ICounterGrain>(NewKey());
        var second = _cluster.Grain<ICounterGrain>(NewKey());

        await first.Add(7);

        Assert.Equal(7, await first.Get());
        Assert.Equal(0, await second.Get());
    }

    [Fact]
    public async Task GetPrimaryKeyString_InGrainAndOnReference_ReturnsKey()
    {
        var key = NewKey();
        var grain = _cluster.Grain<ICounterGrain>(key);

        Assert.Equal(key, await grain.GetKey());
        Assert.Equal(key, grain.GetPrimaryKeyString());
        Assert.Equal(new GrainId("counter", key), grain.GetGrainId());
    }

    [Fact]
    public void GrainReferences_SameKey_AreEqual()
    {
        var key = NewKey();

        Assert.Equal(_cluster.Grain<ICounterGrain>(key), _cluster.Grain<ICounterGrain>(key));
        Assert.NotEqual(_cluster.Grain<ICounterGrain>(key), _cluster.Grain<ICounterGrain>(NewKey()));
    }

    [Fact]
    public async Task Call_AllFourReturnShapes_ReturnResults()
    {
        var grain = _cluster.Grain<ICounterGrain>(NewKey());

        Assert.Equal(4, await grain.Add(4));
        Assert.Equal(4, await grain.GetValue());
        Assert.Equal(4, await grain.GetValueAfterYield());
        await grain.ResetValue();
        await grain.Ping();
        await grain.PingAfterYield();
        Assert.Equal(0, await grain.Get());
        Assert.Equal(9, await grain.AddAfter(9, Task.CompletedTask));
    }

    [Fact]
    public async Task Call_GrainThrowsAfterAwait_CallerGetsSameExceptionAndActivationSurvives()
    {
        var key = NewKey();
        var grain = _cluster.Grain<ICounterGrain>(key);
        await grain.Add(1);
        var thrown = new InvalidOperationException("boom");

        var caught = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Throw(thrown));

        Assert.Same(thrown, caught);
        Assert.Equal(1, await grain.Get());
        Assert.Equal(1, _cluster.Probe().Count($"activate:{key}"));
    }

    [Fact]
    public async Task Call_GrainThrowsSynchronously_CallerGetsSameExceptionAsFaultedTask()
    {
        var grain = _cluster.Grain<ICounterGrain>(NewKey());
        var thrown = new ArgumentException("bad argument");

        var call = grain.ThrowSynchronously(thrown);
        var caught = await Assert.ThrowsAsync<ArgumentException>(() => call);

        Assert.Same(thrown, caught);
        Assert.Equal(0, await grain.Get());
    }

    [Fact]
    public async Task Call_OperationCanceledInGrain_CallerSeesCancellation()
    {
        var grain = _cluster.Grain<ICounterGrain>(NewKey());

        var call = grain.Throw(new OperationCanceledException("stopped"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(call.IsCanceled);
    }

    [Fact]
    public async Task Call_QueuedBehindBusyTurn_FlowsCallersAsyncLocals()
    {
        var grain = _cluster.Grain<ICounterGrain>(NewKey());
        var gate = new TaskCompletionSource();
        var busy = grain.AddAfter(1, gate.Task);

        CounterGrain.Flow.Value = "from-caller";
        var queued = grain.GetAsyncLocal();
        CounterGrain.Flow.Value = null;
        gate.SetResult();

        Assert.Equal("from-caller", await queued);
        Assert.Equal(1, await busy);
        CounterGrain.Flow.Value = "inline";
        Assert.Equal("inline", await grain.GetAsyncLocal());
        CounterGrain.Flow.Value = null;
    }

    [Fact]
    public void GetGrain_UnregisteredInterface_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => _cluster.GrainFactory.GetGrain<IUnregisteredGrain>("x"));

        Assert.Contains("AddGrain", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrainFactory_FromClusterFixture_ExposesServicesAndDatabase()
    {
        var key = NewKey();

        await _cluster.Grain<IProfileGrain>(key).SetName("fixture");

        Assert.NotNull(_cluster.ServiceProvider.GetService(typeof(IGrainFactory)));
        Assert.True(File.Exists(_cluster.DatabasePath));
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");

    public interface IUnregisteredGrain : IGrainWithStringKey
    {
        Task Ping();
    }
}
