using Levity.Runtime;
using Levity.Runtime.Concurrency;

namespace Levity.Tests.Runtime.TestGrains;

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Records entry, yields twice, records exit; returns the number of calls served.</summary>
    Task<int> Enter(int caller, int sequence);

    Task<int> GetMaxConcurrency();

    Task<IReadOnlyList<(int Caller, int Sequence)>> GetServed();

    /// <summary>A normal turn that lasts until <paramref name="gate"/> completes.</summary>
    Task<string> WaitFor(Task gate, string result);

    /// <summary>Runs even while another turn is in progress.</summary>
    [AlwaysInterleave]
    Task<int> Peek();

    /// <summary>Waits for <paramref name="gate"/>, then calls the counter <paramref name="otherKey"/>.</summary>
    Task<int> CallOtherAfter(Task gate, string otherKey);
}
