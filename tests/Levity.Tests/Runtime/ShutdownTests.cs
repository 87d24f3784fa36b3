using Levity.Runtime;
using Levity.Runtime.Testing;
using Levity.Tests.Runtime.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Runtime;

public sealed class ShutdownTests
{
    [Fact]
    public async Task StopAsync_CallInFlight_WaitsForItRefusesNewCallsAndFinishesQueuedOnes()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ITurnGrain>("draining");
        var gate = new TaskCompletionSource();
        var inFlight = grain.WaitFor(gate.Task, "in-flight");
        await cluster.Probe().WaitFor("waiting:in-flight");
        var queued = grain.WaitFor(Task.CompletedTask, "queued");

        var stop = Silo(cluster).StopAsync(CancellationToken.None);
        var refused = cluster.Grain<ICounterGrain>("newcomer").Add(1);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => refused);
        await Assert.ThrowsAsync<SiloUnavailableException>(() => grain.Peek());
        Assert.False(stop.IsCompleted);
        gate.SetResult();
        Assert.Equal("in-flight", await inFlight);
        Assert.Equal("queued", await queued);
        await stop.WaitAsync(GrainProbe.Timeout);
        Assert.Equal(1, cluster.Probe().Count("deactivate:draining:ShuttingDown"));
        Assert.Equal(0, cluster.ActivationCount());
    }

    [Fact]
    public async Task StopAsync_GrainCallsAnotherGrainWhileDraining_InternalCallIsAccepted()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ITurnGrain>("caller");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = grain.CallOtherAfter(gate.Task, "callee");

        var stop = Silo(cluster).StopAsync(CancellationToken.None);
        await Assert.ThrowsAsync<SiloUnavailableException>(() => cluster.Grain<ICounterGrain>("callee").Add(1));
        gate.SetResult();

        Assert.Equal(1, await call.WaitAsync(GrainProbe.Timeout));
        await stop.WaitAsync(GrainProbe.Timeout);
        Assert.Equal(1, cluster.Probe().Count("deactivate:callee:ShuttingDown"));
    }

    [Fact]
    public async Task StopAsync_TokenFiresWhileCallHangs_ReturnsAndAbandonsIt()
    {
        await using var cluster = await TestSilo.StartAsync();
        var gate = new TaskCompletionSource();
        var hanging = cluster.Grain<ITurnGrain>("hanging").WaitFor(gate.Task, "hanging");
        await cluster.Probe().WaitFor("waiting:hanging");
        using var stopToken = new CancellationTokenSource();

        var stop = Silo(cluster).StopAsync(stopToken.Token);
        Assert.False(stop.IsCompleted);
        await stopToken.CancelAsync();

        await stop.WaitAsync(GrainProbe.Timeout);
        Assert.False(hanging.IsCompleted);
        gate.SetResult();
        await hanging;
    }

    [Fact]
    public async Task StopAsync_ThroughHost_DeactivatesEveryActivationAndLaterCallsAreRefused()
    {
        await using var cluster = await TestSilo.StartAsync();
        await cluster.Grain<ICounterGrain>("a").Add(1);
        await cluster.Grain<ICounterGrain>("b").Add(1);
        await cluster.Grain<ITimerGrain>("t").StartTimer(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), interleave: false, keepAlive: true);

        await cluster.StopAsync();
        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, cluster.Probe().Count("deactivate:a:ShuttingDown"));
        Assert.Equal(1, cluster.Probe().Count("deactivate:b:ShuttingDown"));
        Assert.Equal(1, cluster.Probe().Count("deactivate:t:ShuttingDown"));
        Assert.Equal(0, cluster.Probe().Count("tick:t"));
        await Assert.ThrowsAsync<SiloUnavailableException>(() => cluster.Grain<ICounterGrain>("a").Get());
    }

    private static Levity.Runtime.Hosting.Silo Silo(InProcessTestCluster cluster) => cluster.ServiceProvider.GetRequiredService<Levity.Runtime.Hosting.Silo>();
}
