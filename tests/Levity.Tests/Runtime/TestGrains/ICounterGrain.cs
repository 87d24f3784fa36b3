using Levity.Runtime;

namespace Levity.Tests.Runtime.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    Task<int> Get();

    Task<string> GetKey();

    /// <summary>Waits for <paramref name="gate"/> (after yielding) and returns the count.</summary>
    Task<int> AddAfter(int amount, Task gate);

    ValueTask<int> GetValue();

    ValueTask<int> GetValueAfterYield();

    ValueTask ResetValue();

    Task Ping();

    Task PingAfterYield();

    Task<string?> GetAsyncLocal();

    /// <summary>Throws <paramref name="exception"/> from an async method.</summary>
    Task Throw(Exception exception);

    /// <summary>Throws <paramref name="exception"/> before returning a task.</summary>
    Task<int> ThrowSynchronously(Exception exception);

    /// <summary>Calls DeactivateOnIdle, then waits for <paramref name="gate"/>.</summary>
    Task DeactivateAfter(Task gate);
}
