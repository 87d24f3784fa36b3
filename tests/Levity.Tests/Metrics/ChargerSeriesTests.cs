using Levity.Grains.Diagnostics;

namespace Levity.Tests.Metrics;

public sealed class ChargerSeriesTests
{
    [Fact]
    public void SessionClosed_ReplacedSessionClosesLate_StaysConnected()
    {
        var series = new ChargerSeries("CP1");
        series.SessionOpened(1);
        series.SessionOpened(2);

        var closed = series.SessionClosed(1);

        Assert.False(closed);
        Assert.Equal(1, series.Connected);
    }

    [Fact]
    public void SessionOpened_OlderAfterNewer_OlderIgnoredAndItsCloseChangesNothing()
    {
        var series = new ChargerSeries("CP1");
        series.SessionOpened(2);
        series.SessionOpened(1);

        Assert.False(series.SessionClosed(1));
        Assert.Equal(1, series.Connected);
        Assert.True(series.SessionClosed(2));
        Assert.Equal(0, series.Connected);
    }

    [Fact]
    public void SessionClosed_CurrentSession_DisconnectedOnce()
    {
        var series = new ChargerSeries("CP1");
        series.SessionOpened(7);

        var first = series.SessionClosed(7);
        var second = series.SessionClosed(7);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(0, series.Connected);
    }

    [Fact]
    public void Timestamps_NeverSet_NaN()
    {
        var series = new ChargerSeries("CP1");

        Assert.True(double.IsNaN(series.LastMessageAt));
        Assert.True(double.IsNaN(series.LastHeartbeatAt));
    }
}
