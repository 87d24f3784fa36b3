using Levity.Runtime;
using Levity.Runtime.Timers;

namespace Levity.Tests.Runtime.TestGrains;

public sealed class TimerGrain(GrainProbe probe, TickGate gate) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticksInProgress;
    private int _maxTicksInProgress;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{this.GetPrimaryKeyString()}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public Task StartTimer(TimeSpan dueTime, TimeSpan period, bool interleave, bool keepAlive)
    {
        _timer = RegisterGrainTimer(
            static (grain, cancellationToken) => grain.TickAsync(cancellationToken),
            this,
            new GrainTimerCreationOptions(dueTime, period) { Interleave = interleave, KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public Task ChangeTimer(TimeSpan dueTime, TimeSpan period)
    {
        _timer!.Change(dueTime, period);
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> GetMaxConcurrentTicks() => Task.FromResult(_maxTicksInProgress);

    public Task<string> Ping() => Task.FromResult("pong");

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        _maxTicksInProgress = Math.Max(_maxTicksInProgress, ++_ticksInProgress);
        var key = this.GetPrimaryKeyString();
        probe.Record($"tick:{key}");
        try
        {
            await gate.Current.WaitAsync(cancellationToken);
            probe.Record($"tick-done:{key}");
        }
        catch (OperationCanceledException)
        {
            probe.Record($"tick-cancelled:{key}");
        }
        finally
        {
            _ticksInProgress--;
        }
    }
}

/// <summary>What timer ticks wait for; completed by default, replaced by tests that need slow ticks.</summary>
public sealed class TickGate
{
    public Task Current { get; set; } = Task.CompletedTask;
}
