using Levity.Runtime;

namespace Levity.Tests.Runtime.TestGrains;

public interface ILifecycleGrain : IGrainWithStringKey
{
    Task Ping();

    Task DelayDeactivation(TimeSpan timeSpan);

    /// <summary>Starts background work that waits until cancelled, then records it.</summary>
    Task StartWaitingBackgroundWork();

    Task Deactivate();
}
