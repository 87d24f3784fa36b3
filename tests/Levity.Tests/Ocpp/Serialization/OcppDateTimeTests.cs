using System.Text;
using Levity.Ocpp.Serialization;

namespace Levity.Tests.Ocpp.Serialization;

public sealed class OcppDateTimeTests
{
    [Theory]
    [InlineData("2026-11-21T11:41:37.907Z", "2026-11-21T11:41:37.907Z", true)]
    [InlineData("2026-11-21T11:41:37Z", "2026-11-21T11:41:37.000Z", true)]
    [InlineData("2026-11-21T11:41:37.9071234Z", "2026-11-21T11:41:37.907Z", true)]
    [InlineData("2026-11-21T11:41:37.907123456789Z", "2026-11-21T11:41:37.907Z", true)]
    [InlineData("2026-11-21T12:41:37.5+01:00", "2026-11-21T11:41:37.500Z", true)]
    [InlineData("2026-11-21T06:11:37-05:30", "2026-11-21T11:41:37.000Z", true)]
    [InlineData("2026-11-21t11:41:37z", "2026-11-21T11:41:37.000Z", true)]
    [InlineData("2026-11-21T11:41:37", "2026-11-21T11:41:37.000Z", false)]
    [InlineData("2026-11-21T11:41:37.123", "2026-11-21T11:41:37.123Z", false)]
    [InlineData("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z", true)]
    [InlineData("0001-01-01T00:30:00+00:30", "0001-01-01T00:00:00.000Z", true)]
    public void TryParse_Iso8601_NormalizedToUtc(string text, string written, bool hasOffset)
    {
        Assert.True(OcppDateTime.TryParse(Encoding.UTF8.GetBytes(text), out var value, out var parsedOffset));

        Assert.Equal(hasOffset, parsedOffset);
        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(written, OcppDateTime.ToWireString(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-11-21")]
    [InlineData("2026-11-21 11:41:37Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2026-11-21T24:00:00Z")]
    [InlineData("2026-11-21T23:60:00Z")]
    [InlineData("2026-11-21T23:59:60Z")]
    [InlineData("2026-11-21T11:41:37.Z")]
    [InlineData("2026-11-21T11:41:37+0100")]
    [InlineData("2026-11-21T11:41:37+01")]
    [InlineData("2026-11-21T11:41:37ZZ")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("+12026-11-21T11:41:37Z")]
    public void TryParse_NotAnOcppDateTime_Fails(string text)
    {
        Assert.False(OcppDateTime.TryParse(Encoding.UTF8.GetBytes(text), out _, out _));
    }

    [Fact]
    public void Format_LocalOffset_WritesUtcWithMillisecondsAndZ()
    {
        var value = new DateTimeOffset(2026, 11, 21, 13, 41, 37, 907, TimeSpan.FromHours(2));

        Assert.Equal("2026-11-21T11:41:37.907Z", OcppDateTime.ToWireString(value));
    }
}
