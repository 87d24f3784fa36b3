using Levity.Runtime;
using Levity.Runtime.Configuration;
using Levity.Runtime.Hosting;
using Levity.Tests.Runtime.TestGrains;

namespace Levity.Tests.Runtime;

public sealed class TurnBasedExecutionTests
{
    [Fact]
    public async Task Calls_HundredParallelCallers_TurnsNeverOverlapAndEachCallersOrderHolds()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ITurnGrain>("busy");
        const int Callers = 100;
        const int CallsPerCaller = 5;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            await start.Task;
            for (var sequence = 0; sequence < CallsPerCaller; sequence++)
            {
                await cluster.Grain<ITurnGrain>("busy").Enter(caller, sequence);
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(callers).WaitAsync(GrainProbe.Timeout);

        Assert.Equal(1, await grain.GetMaxConcurrency());
        var served = await grain.GetServed();
        Assert.Equal(Callers * CallsPerCaller, served.Count);
        foreach (var perCaller in served.GroupBy(s => s.Caller))
        {
            Assert.Equal(Enumerable.Range(0, CallsPerCaller), perCaller.Select(s => s.Sequence));
        }
    }

    [Fact]
    public async Task Call_WhileTurnAwaits_WaitsUntilTurnCompletes()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ITurnGrain>("one-at-a-time");
        var gate = new TaskCompletionSource();
        var first = grain.WaitFor(gate.Task, "first");
        await cluster.Probe().WaitFor("waiting:first");

        var second = grain.WaitFor(Task.CompletedTask, "second");
        // The interleaving call gets through and proves the grain is running; the queued one has not started.
        await grain.Peek();

        Assert.False(second.IsCompleted);
        Assert.Equal(0, cluster.Probe().Count("waiting:second"));
        gate.SetResult();
        Assert.Equal("first", await first);
        Assert.Equal("second", await second);
    }

    [Fact]
    public async Task AlwaysInterleaveCall_WhileTurnAwaits_Completes()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ITurnGrain>("interleave");
        var gate = new TaskCompletionSource();
        var blocked = grain.WaitFor(gate.Task, "blocked");
        await cluster.Probe().WaitFor("waiting:blocked");

        var peeked = await grain.Peek().WaitAsync(GrainProbe.Timeout);

        Assert.Equal(0, peeked);
        Assert.False(blocked.IsCompleted);
        gate.SetResult();
        Assert.Equal("blocked", await blocked);
    }

    [Fact]
    public async Task ReentrantGrain_CallWhileAnotherAwaits_Interleaves()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<IReentrantGrain>("reentrant");
        var gate = new TaskCompletionSource();
        var blocked = grain.WaitFor(gate.Task, "blocked");

        Assert.Equal("free", await grain.WaitFor(Task.CompletedTask, "free").WaitAsync(GrainProbe.Timeout));

        Assert.False(blocked.IsCompleted);
        gate.SetResult();
        Assert.Equal("blocked", await blocked);
    }

    [Fact]
    public async Task ReentrantGrain_ManyParallelCalls_InterleaveButNeverRunInParallel()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<IReentrantGrain>("single-threaded");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await grain.Work();
        })).ToArray();
        start.SetResult();
        var maxInProgress = (await Task.WhenAll(calls).WaitAsync(GrainProbe.Timeout)).Max();

        Assert.True(maxInProgress > 1, "calls of a [Reentrant] grain should interleave at awaits");
        Assert.Equal(1, await grain.GetMaxParallelSegments());
    }

    [Fact]
    public async Task FirstCalls_Racing_CreateExactlyOneActivation()
    {
        await using var cluster = await TestSilo.StartAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            await cluster.Grain<ILifecycleGrain>("raced").Ping();
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(calls).WaitAsync(GrainProbe.Timeout);

        Assert.Equal(1, cluster.Probe().Count("activate:raced"));
    }

    [Fact]
    public async Task Call_QueueAtHardLimit_FailsWithLimitExceeded()
    {
        await using var cluster = await TestSilo.StartAsync(
            silo => silo.Configure<SiloMessagingOptions>(o => o.MaxEnqueuedRequestsHardLimit = 2));
        var grain = cluster.Grain<ITurnGrain>("full");
        var gate = new TaskCompletionSource();
        var blocked = grain.WaitFor(gate.Task, "blocked");
        await cluster.Probe().WaitFor("waiting:blocked");

        var queued = new[] { grain.WaitFor(Task.CompletedTask, "a"), grain.WaitFor(Task.CompletedTask, "b") };
        var refused = grain.WaitFor(Task.CompletedTask, "c");

        await Assert.ThrowsAsync<LimitExceededException>(() => refused);
        gate.SetResult();
        Assert.Equal(["blocked", "a", "b"], await Task.WhenAll([blocked, .. queued]));
    }
}
