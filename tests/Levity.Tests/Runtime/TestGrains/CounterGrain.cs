using Levity.Runtime;

namespace Levity.Tests.Runtime.TestGrains;

public sealed class CounterGrain(GrainProbe probe) : Grain, ICounterGrain
{
    public static readonly AsyncLocal<string?> Flow = new();

    private int _count;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{this.GetPrimaryKeyString()}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public Task<int> Add(int amount) => Task.FromResult(_count += amount);

    public Task<int> Get() => Task.FromResult(_count);

    public Task<string> GetKey() => Task.FromResult(this.GetPrimaryKeyString());

    public async Task<int> AddAfter(int amount, Task gate)
    {
        await Task.Yield();
        await gate;
        return _count += amount;
    }

    public ValueTask<int> GetValue() => new(_count);

    public async ValueTask<int> GetValueAfterYield()
    {
        await Task.Yield();
        return _count;
    }

    public ValueTask ResetValue()
    {
        _count = 0;
        return ValueTask.CompletedTask;
    }

    public Task Ping() => Task.CompletedTask;

    public async Task PingAfterYield() => await Task.Yield();

    public Task<string?> GetAsyncLocal() => Task.FromResult(Flow.Value);

    public async Task Throw(Exception exception)
    {
        await Task.Yield();
        throw exception;
    }

    public Task<int> ThrowSynchronously(Exception exception) => throw exception;

    public async Task DeactivateAfter(Task gate)
    {
        DeactivateOnIdle();
        await gate;
    }
}
