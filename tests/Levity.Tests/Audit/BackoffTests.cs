using Levity.Silo.Audit.Fluentd;

namespace Levity.Tests.Audit;

public sealed class BackoffTests
{
    [Fact]
    public void NextDelay_DoublesFromInitialUpToTheCap_ResetStartsOver()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        var delays = Enumerable.Range(0, 10).Select(_ => backoff.NextDelay().TotalSeconds).ToArray();
        Assert.Equal([0.5, 1, 2, 4, 8, 16, 30, 30, 30, 30], delays);
        Assert.Equal(10, backoff.Failures);

        backoff.Reset();
        Assert.Equal(0, backoff.Failures);
        Assert.Equal(TimeSpan.FromMilliseconds(500), backoff.NextDelay());
    }

    [Fact]
    public void NextDelay_ThousandsOfFailures_StaysAtTheCapWithoutOverflow()
    {
        var backoff = new Backoff(TimeSpan.FromDays(1), TimeSpan.FromMinutes(1));
        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal(TimeSpan.FromMinutes(1), backoff.NextDelay());
        }
    }
}
