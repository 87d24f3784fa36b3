namespace Levity.Silo.Audit.Fluentd;

/// <summary>Exponential backoff between reconnection attempts: initial, x2 per failure, capped.</summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    private int _failures;

    public int Failures => _failures;

    /// <summary>Counts a failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan NextDelay()
    {
        var exponent = Math.Min(_failures, 30);
        _failures++;
        var delay = initial.Ticks * (1L << exponent);
        return delay <= 0 || delay > max.Ticks ? max : TimeSpan.FromTicks(delay);
    }

    public void Reset() => _failures = 0;
}
