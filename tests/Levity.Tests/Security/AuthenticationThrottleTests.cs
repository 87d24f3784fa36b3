using System.Net;
using Levity.Silo.Security;
using Microsoft.Extensions.Time.Testing;

namespace Levity.Tests.Security;

public sealed class AuthenticationThrottleTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("192.0.2.7");
    private static readonly IPAddress Neighbour = IPAddress.Parse("192.0.2.8");

    [Fact]
    public void RepeatedFailures_DelayDoublesUpToTheCap_OtherAddressesUnaffected()
    {
        var throttle = new AuthenticationThrottle(new FakeTimeProvider());
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            delays.Add(throttle.DelayFor(Attacker));
            throttle.Failed(Attacker);
        }

        Assert.Equal(
            new[] { 0, 0, 0, 1, 2, 4, 8, 16, 30, 30 }.Select(s => TimeSpan.FromSeconds(s)),
            delays);
        Assert.Equal(TimeSpan.Zero, throttle.DelayFor(Neighbour));
    }

    [Fact]
    public void Failures_ForgottenAfterTheWindow()
    {
        var time = new FakeTimeProvider();
        var throttle = new AuthenticationThrottle(time);
        for (var i = 0; i < 5; i++)
        {
            throttle.Failed(Attacker);
        }

        Assert.NotEqual(TimeSpan.Zero, throttle.DelayFor(Attacker));
        time.Advance(throttle.Window + TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.Zero, throttle.DelayFor(Attacker));
    }

    [Fact]
    public void Success_ResetsTheCount()
    {
        var throttle = new AuthenticationThrottle(new FakeTimeProvider());
        for (var i = 0; i < 6; i++)
        {
            throttle.Failed(Attacker);
        }

        throttle.Succeeded(Attacker);

        Assert.Equal(TimeSpan.Zero, throttle.DelayFor(Attacker));
    }
}
