using Levity.Runtime;

namespace Levity.Tests.Runtime.TestGrains;

public interface IHubGrain : IGrainWithStringKey
{
    Task Subscribe(ISessionObserver session);

    /// <summary>Pushes to every live session; returns how many remain subscribed.</summary>
    Task<int> Broadcast(string message);

    /// <summary>Calls one session directly; returns the exception type name, or null.</summary>
    Task<string?> PushDirect(ISessionObserver session, string message);
}
