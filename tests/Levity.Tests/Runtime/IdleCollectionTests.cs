using Levity.Tests.Runtime.TestGrains;

namespace Levity.Tests.Runtime;

/// <summary>Idle deactivation driven by the cluster's manual clock (default age 15 min, quantum 1 min).</summary>
public sealed class IdleCollectionTests
{
    private static readonly TimeSpan PastCollectionAge = TimeSpan.FromMinutes(16);

    [Fact]
    public async Task IdleGrain_PastCollectionAge_IsDeactivatedAndNextCallReactivates()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ILifecycleGrain>("idle");
        await grain.Ping();

        cluster.TimeProvider.Advance(PastCollectionAge);
        await cluster.Probe().WaitFor("deactivate:idle:ActivationIdle");
        await grain.Ping();

        Assert.Equal(2, cluster.Probe().Count("activate:idle"));
    }

    [Fact]
    public async Task BusyGrain_CallsWithinCollectionAge_StaysActive()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ILifecycleGrain>("busy");
        await grain.Ping();

        for (var i = 0; i < 4; i++)
        {
            cluster.TimeProvider.Advance(TimeSpan.FromMinutes(10));
            await grain.Ping();
        }

        Assert.Equal(1, cluster.Probe().Count("activate:busy"));
        Assert.Equal(0, cluster.Probe().Count("deactivate:busy:ActivationIdle"));
    }

    [Fact]
    public async Task IdleGrain_Reactivated_ReloadsPersistedState()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<IProfileGrain>("reload");
        await grain.SetName("Ada");

        cluster.TimeProvider.Advance(PastCollectionAge);
        await cluster.Probe().WaitFor("deactivate:reload:ActivationIdle");

        Assert.Equal(new ProfileState { Name = "Ada", Visits = 1 }, await grain.GetStateAtActivation());
        Assert.Equal(2, cluster.Probe().Count("activate:reload"));
    }

    [Fact]
    public async Task DelayDeactivation_Positive_KeepsGrainAliveUntilItPasses()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ILifecycleGrain>("delayed");
        await grain.DelayDeactivation(TimeSpan.FromMinutes(30));

        cluster.TimeProvider.Advance(TimeSpan.FromMinutes(25));
        await grain.Ping();
        Assert.Equal(1, cluster.Probe().Count("activate:delayed"));

        cluster.TimeProvider.Advance(PastCollectionAge);
        await cluster.Probe().WaitFor("deactivate:delayed:ActivationIdle");
    }

    [Fact]
    public async Task DelayDeactivation_MaxValue_KeepsAliveUntilCancelledByNegativeDelay()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ILifecycleGrain>("pinned");
        await grain.DelayDeactivation(TimeSpan.MaxValue);

        cluster.TimeProvider.Advance(TimeSpan.FromHours(10));
        await grain.DelayDeactivation(TimeSpan.FromSeconds(-1));
        Assert.Equal(1, cluster.Probe().Count("activate:pinned"));

        cluster.TimeProvider.Advance(PastCollectionAge);
        await cluster.Probe().WaitFor("deactivate:pinned:ActivationIdle");
    }

    [Fact]
    public async Task DeactivateOnIdle_AfterDelayDeactivation_StillDeactivates()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ILifecycleGrain>("asked");
        await grain.DelayDeactivation(TimeSpan.MaxValue);

        await grain.Deactivate();

        await cluster.Probe().WaitFor("deactivate:asked:ApplicationRequested");
    }

    [Fact]
    public async Task RunningBackgroundWork_PastCollectionAge_KeepsGrainAlive()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ILifecycleGrain>("working");
        await grain.StartWaitingBackgroundWork();
        await cluster.Probe().WaitFor("background-started:working");

        cluster.TimeProvider.Advance(PastCollectionAge);
        await grain.Ping();

        Assert.Equal(1, cluster.Probe().Count("activate:working"));
        Assert.Equal(0, cluster.Probe().Count("background-cancelled:working"));
    }
}
