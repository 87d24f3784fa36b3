using System.Diagnostics.CodeAnalysis;

namespace Levity.Runtime.Timers;

/// <summary>How a grain timer ticks (Orleans <c>GrainTimerCreationOptions</c>).</summary>
public readonly record struct GrainTimerCreationOptions
{
    public GrainTimerCreationOptions()
    {
    }

    [SetsRequiredMembers]
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Delay before the first tick; <see cref="Timeout.InfiniteTimeSpan"/> to start stopped.</summary>
    public required TimeSpan DueTime { get; init; }

    /// <summary>
    /// Time from the end of one tick to the start of the next, so ticks never overlap;
    /// <see cref="Timeout.InfiniteTimeSpan"/> or zero for a single tick.
    /// </summary>
    public required TimeSpan Period { get; init; }

    /// <summary>
    /// False (default): a tick is a turn like a call, waiting for the running turn and blocking
    /// others. True: a tick interleaves with calls (single-threaded, at awaits).
    /// </summary>
    public bool Interleave { get; init; }

    /// <summary>Whether ticks count as activity that keeps the activation from idle collection (default false).</summary>
    public bool KeepAlive { get; init; }
}
