using Levity.Runtime.Testing;
using Levity.Tests.Runtime.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Runtime;

public sealed class TimerTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Timer_SlowTickShortPeriod_TicksNeverOverlap()
    {
        await using var cluster = await TestSilo.StartAsync();
        var gate = SlowTicks(cluster);
        var grain = cluster.Grain<ITimerGrain>("slow");
        await grain.StartTimer(Minute, Minute, interleave: false, keepAlive: false);

        cluster.TimeProvider.Advance(Minute);
        await cluster.Probe().WaitFor("tick:slow");
        cluster.TimeProvider.Advance(10 * Minute);
        Assert.Equal(1, cluster.Probe().Count("tick:slow"));

        gate.SetResult();
        await cluster.Probe().WaitFor("tick-done:slow");
        await cluster.Activation(grain).WaitUntilIdleAsync();
        cluster.TimeProvider.Advance(Minute);
        await cluster.Probe().WaitFor("tick:slow", 2);

        Assert.Equal(1, await grain.GetMaxConcurrentTicks());
    }

    [Fact]
    public async Task Timer_NextTick_IsScheduledAPeriodAfterThePreviousCompletes()
    {
        await using var cluster = await TestSilo.StartAsync();
        var gate = SlowTicks(cluster);
        var grain = cluster.Grain<ITimerGrain>("period");
        await grain.StartTimer(Minute, 5 * Minute, interleave: false, keepAlive: false);
        cluster.TimeProvider.Advance(Minute);
        await cluster.Probe().WaitFor("tick:period");
        cluster.TimeProvider.Advance(3 * Minute);
        gate.SetResult();
        await cluster.Activation(grain).WaitUntilIdleAsync();

        cluster.TimeProvider.Advance(4 * Minute);
        Assert.Equal(1, cluster.Probe().Count("tick:period"));
        cluster.TimeProvider.Advance(Minute);
        await cluster.Probe().WaitFor("tick:period", 2);
    }

    [Fact]
    public async Task Timer_TickInProgress_CallWaitsForTheTick()
    {
        await using var cluster = await TestSilo.StartAsync();
        var gate = SlowTicks(cluster);
        var grain = cluster.Grain<ITimerGrain>("turn");
        await grain.StartTimer(Minute, Timeout.InfiniteTimeSpan, interleave: false, keepAlive: false);
        cluster.TimeProvider.Advance(Minute);
        await cluster.Probe().WaitFor("tick:turn");

        var ping = grain.Ping();

        Assert.False(ping.IsCompleted);
        gate.SetResult();
        Assert.Equal("pong", await ping);
    }

    [Fact]
    public async Task InterleavingTimer_TickInProgress_CallProceeds()
    {
        await using var cluster = await TestSilo.StartAsync();
        var gate = SlowTicks(cluster);
        var grain = cluster.Grain<ITimerGrain>("interleaved");
        await grain.StartTimer(Minute, Timeout.InfiniteTimeSpan, interleave: true, keepAlive: false);
        cluster.TimeProvider.Advance(Minute);
        await cluster.Probe().WaitFor("tick:interleaved");

        Assert.Equal("pong", await grain.Ping().WaitAsync(GrainProbe.Timeout));

        gate.SetResult();
        await cluster.Probe().WaitFor("tick-done:interleaved");
    }

    [Fact]
    public async Task Timer_GrainDeactivated_StopsTicking()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ITimerGrain>("stopped");
        await grain.StartTimer(Minute, Minute, interleave: false, keepAlive: true);
        cluster.TimeProvider.Advance(Minute);
        await cluster.Probe().WaitFor("tick-done:stopped");

        await grain.Deactivate();
        await cluster.Probe().WaitFor("deactivate:stopped:ApplicationRequested");
        cluster.TimeProvider.Advance(10 * Minute);

        Assert.Equal(1, cluster.Probe().Count("tick:stopped"));
        Assert.Equal(0, cluster.ActivationCount());
    }

    [Fact]
    public async Task Timer_DeactivatedDuringTick_TickTokenIsCancelled()
    {
        await using var cluster = await TestSilo.StartAsync();
        SlowTicks(cluster);
        var grain = cluster.Grain<ITimerGrain>("cancelled");
        await grain.StartTimer(Minute, Minute, interleave: true, keepAlive: false);
        cluster.TimeProvider.Advance(Minute);
        await cluster.Probe().WaitFor("tick:cancelled");

        await grain.Deactivate();

        await cluster.Probe().WaitFor("tick-cancelled:cancelled");
        await cluster.Probe().WaitFor("deactivate:cancelled:ApplicationRequested");
    }

    [Fact]
    public async Task Timer_Disposed_StopsTicking()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ITimerGrain>("disposed");
        await grain.StartTimer(Minute, Minute, interleave: false, keepAlive: true);
        cluster.TimeProvider.Advance(Minute);
        await cluster.Probe().WaitFor("tick-done:disposed");
        await cluster.Activation(grain).WaitUntilIdleAsync();

        await grain.StopTimer();
        cluster.TimeProvider.Advance(10 * Minute);

        Assert.Equal(1, cluster.Probe().Count("tick:disposed"));
    }

    [Fact]
    public async Task Timer_Changed_FiresAtNewDueTime()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ITimerGrain>("changed");
        await grain.StartTimer(Minute, Timeout.InfiniteTimeSpan, interleave: false, keepAlive: false);

        await grain.ChangeTimer(10 * Minute, Timeout.InfiniteTimeSpan);
        cluster.TimeProvider.Advance(9 * Minute);
        Assert.Equal(0, cluster.Probe().Count("tick:changed"));
        cluster.TimeProvider.Advance(Minute);

        await cluster.Probe().WaitFor("tick:changed");
    }

    [Fact]
    public async Task KeepAliveFalseTicks_DoNotCountAsActivity()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ITimerGrain>("not-kept");
        await grain.StartTimer(10 * Minute, Timeout.InfiniteTimeSpan, interleave: false, keepAlive: false);
        var activation = cluster.Activation(grain);
        var before = activation.LastActivity;

        cluster.TimeProvider.Advance(10 * Minute);
        await cluster.Probe().WaitFor("tick-done:not-kept");
        await activation.WaitUntilIdleAsync();
        Assert.Equal(before, activation.LastActivity);

        cluster.TimeProvider.Advance(6 * Minute);
        await cluster.Probe().WaitFor("deactivate:not-kept:ActivationIdle");
    }

    [Fact]
    public async Task KeepAliveTrueTicks_CountAsActivity()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ITimerGrain>("kept");
        await grain.StartTimer(10 * Minute, Timeout.InfiniteTimeSpan, interleave: false, keepAlive: true);
        var activation = cluster.Activation(grain);

        cluster.TimeProvider.Advance(10 * Minute);
        await cluster.Probe().WaitFor("tick-done:kept");
        await activation.WaitUntilIdleAsync();
        Assert.Equal(cluster.TimeProvider.GetTimestamp(), activation.LastActivity);

        cluster.TimeProvider.Advance(6 * Minute);
        Assert.Same(activation, cluster.Activation(grain));
        Assert.Equal(0, cluster.Probe().Count("deactivate:kept:ActivationIdle"));
    }

    private static TaskCompletionSource SlowTicks(InProcessTestCluster cluster)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.ServiceProvider.GetRequiredService<TickGate>().Current = gate.Task;
        return gate;
    }
}
