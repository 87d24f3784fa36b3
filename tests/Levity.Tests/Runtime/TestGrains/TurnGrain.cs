using Levity.Runtime;

namespace Levity.Tests.Runtime.TestGrains;

public sealed class TurnGrain(GrainProbe probe) : Grain, ITurnGrain
{
    private readonly List<(int Caller, int Sequence)> _served = [];
    private int _inside;
    private int _maxInside;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{this.GetPrimaryKeyString()}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public async Task<int> Enter(int caller, int sequence)
    {
        // Interlocked so an overlap would be seen even if two threads raced here.
        var inside = Interlocked.Increment(ref _inside);
        _maxInside = Math.Max(_maxInside, inside);
        await Task.Yield();
        _served.Add((caller, sequence));
        await Task.Yield();
        Interlocked.Decrement(ref _inside);
        return _served.Count;
    }

    public Task<int> GetMaxConcurrency() => Task.FromResult(_maxInside);

    public Task<IReadOnlyList<(int Caller, int Sequence)>> GetServed() =>
        Task.FromResult<IReadOnlyList<(int Caller, int Sequence)>>([.. _served]);

    public async Task<string> WaitFor(Task gate, string result)
    {
        probe.Record($"waiting:{result}");
        await gate;
        return result;
    }

    public Task<int> Peek() => Task.FromResult(_served.Count);

    public async Task<int> CallOtherAfter(Task gate, string otherKey)
    {
        await gate;
        return await GrainFactory.GetGrain<ICounterGrain>(otherKey).Add(1);
    }
}
