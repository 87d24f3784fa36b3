namespace Levity.Runtime.Timers;

/// <summary>A timer owned by a grain activation (Orleans <c>IGrainTimer</c>); dispose it to stop it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>
    /// Changes when the timer next fires and its period. Called during a tick, it takes effect when
    /// that tick completes. <see cref="Timeout.InfiniteTimeSpan"/> as due time stops the timer until
    /// the next change.
    /// </summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
