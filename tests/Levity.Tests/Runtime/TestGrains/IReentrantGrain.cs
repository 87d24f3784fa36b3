using Levity.Runtime;

namespace Levity.Tests.Runtime.TestGrains;

public interface IReentrantGrain : IGrainWithStringKey
{
    /// <summary>Yields a few times; returns how many calls were in progress at once at most.</summary>
    Task<int> Work();

    Task<string> WaitFor(Task gate, string result);

    /// <summary>Most pieces of grain code seen running at the same time (must stay 1).</summary>
    Task<int> GetMaxParallelSegments();
}
