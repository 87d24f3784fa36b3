using Levity.Runtime;

namespace Levity.Tests.Runtime.TestGrains;

/// <summary>Records its lifecycle; activation is slow (yields) and fails while the probe says so.</summary>
public sealed class LifecycleGrain(GrainProbe probe) : Grain, ILifecycleGrain
{
    public static readonly InvalidOperationException ActivationFailure = new("activation refused");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var key = this.GetPrimaryKeyString();
        probe.Record($"activate:{key}");
        if (key.StartsWith("fail-once", StringComparison.Ordinal) && probe.Count($"activate:{key}") == 1)
        {
            throw ActivationFailure;
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{this.GetPrimaryKeyString()}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public Task Ping() => Task.CompletedTask;

    public new Task DelayDeactivation(TimeSpan timeSpan)
    {
        base.DelayDeactivation(timeSpan);
        return Task.CompletedTask;
    }

    public Task StartWaitingBackgroundWork()
    {
        var key = this.GetPrimaryKeyString();
        _ = StartBackgroundWork(async cancellationToken =>
        {
            probe.Record($"background-started:{key}");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                probe.Record($"background-cancelled:{key}");
            }
        });
        return Task.CompletedTask;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
