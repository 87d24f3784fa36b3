using Levity.Runtime.Testing;

namespace Levity.Tests.Runtime;

public sealed class ManualTimeProviderTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Advance_PastSeveralTimers_FiresThemInDueOrderWithClockAtDueTime()
    {
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = _time.CreateTimer(_ => fired.Add(("late", _time.GetUtcNow())), null, TimeSpan.FromMinutes(3), Timeout.InfiniteTimeSpan);
        using var early = _time.CreateTimer(_ => fired.Add(("early", _time.GetUtcNow())), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        _time.Advance(TimeSpan.FromMinutes(5));

        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal([("early", start.AddMinutes(1)), ("late", start.AddMinutes(3))], fired);
        Assert.Equal(start.AddMinutes(5), _time.GetUtcNow());
    }

    [Fact]
    public void Advance_PeriodicTimer_FiresOncePerPeriod()
    {
        var count = 0;
        using var timer = _time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromSeconds(35));

        Assert.Equal(3, count);
    }

    [Fact]
    public void Timer_ChangedOrDisposed_FollowsTheChange()
    {
        var count = 0;
        var timer = _time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, count);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, count);

        timer.Change(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        timer.Dispose();
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, count);
    }

    [Fact]
    public void GetTimestamp_AfterAdvance_MeasuresElapsedTime()
    {
        var before = _time.GetTimestamp();

        _time.Advance(TimeSpan.FromMinutes(7));

        Assert.Equal(TimeSpan.FromMinutes(7), _time.GetElapsedTime(before));
    }

    [Fact]
    public async Task CancellationTokenSource_WithManualTime_CancelsWhenAdvancedPastDelay()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30), _time);
        var delay = Task.Delay(TimeSpan.FromSeconds(10), _time);

        _time.Advance(TimeSpan.FromSeconds(10));
        await delay.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.False(cancellation.IsCancellationRequested);
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.True(cancellation.IsCancellationRequested);
    }

    [Fact]
    public void Advance_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _time.Advance(TimeSpan.FromSeconds(-1)));
    }
}
