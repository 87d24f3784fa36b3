using Levity.Runtime;
using Levity.Runtime.Concurrency;

namespace Levity.Tests.Runtime.TestGrains;

[Reentrant]
public sealed class ReentrantGrain : Grain, IReentrantGrain
{
    private int _callsInProgress;
    private int _maxCallsInProgress;
    private int _segmentsRunning;
    private int _maxSegmentsRunning;

    public async Task<int> Work()
    {
        _maxCallsInProgress = Math.Max(_maxCallsInProgress, ++_callsInProgress);
        for (var i = 0; i < 3; i++)
        {
            EnterSegment();
            ExitSegment();
            await Task.Yield();
        }

        _callsInProgress--;
        return _maxCallsInProgress;
    }

    public async Task<string> WaitFor(Task gate, string result)
    {
        await gate;
        return result;
    }

    public Task<int> GetMaxParallelSegments() => Task.FromResult(_maxSegmentsRunning);

    private void EnterSegment()
    {
        var running = Interlocked.Increment(ref _segmentsRunning);
        _maxSegmentsRunning = Math.Max(_maxSegmentsRunning, running);
        Thread.SpinWait(200);
    }

    private void ExitSegment() => Interlocked.Decrement(ref _segmentsRunning);
}
