using Levity.Runtime;

namespace Levity.Tests.Runtime.TestGrains;

public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Registers a timer whose ticks record "tick:{key}" and wait for <c>TickGate</c> of the probe.</summary>
    Task StartTimer(TimeSpan dueTime, TimeSpan period, bool interleave, bool keepAlive);

    Task ChangeTimer(TimeSpan dueTime, TimeSpan period);

    Task StopTimer();

    /// <summary>Most ticks seen in progress at once.</summary>
    Task<int> GetMaxConcurrentTicks();

    Task<string> Ping();

    Task Deactivate();
}
