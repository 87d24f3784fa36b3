using Levity.Tests.Support;

namespace Levity.Tests.CentralSystem;

/// <summary>Bad input gets the spec's CALLERROR (or is dropped) and the session carries on.</summary>
public sealed class MalformedFramesTests : IAsyncLifetime
{
    private LevityTestServer _server = null!;

    public async Task InitializeAsync() => _server = await LevityTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("""[2,"a1","Heartbeat",{""", "a1", "ProtocolError")]
    [InlineData("""[2,"a2","NoSuchAction",{}]""", "a2", "NotImplemented")]
    [InlineData("""[2,"a3","RemoteStartTransaction",{"idTag":"x"}]""", "a3", "NotSupported")]
    [InlineData("""[2,"a4","StartTransaction",{"connectorId":"one","idTag":"T","meterStart":1,"timestamp":"2026-11-01T00:00:00Z"}]""", "a4", "TypeConstraintViolation")]
    [InlineData("""[2,"a5","StartTransaction",{"connectorId":1,"meterStart":1,"timestamp":"2026-11-01T00:00:00Z"}]""", "a5", "OccurenceConstraintViolation")]
    [InlineData("""[2,"a6","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Exploded"}]""", "a6", "PropertyConstraintViolation")]
    [InlineData("""[2,"a7","StartTransaction",{"connectorId":1,"idTag":"THIS-TAG-IS-FAR-TOO-LONG-FOR-OCPP","meterStart":1,"timestamp":"2026-11-01T00:00:00Z"}]""", "a7", "PropertyConstraintViolation")]
    [InlineData("""[2,"a8","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-11-01T00:00:00Z","sampledValue":[{"value":"lots"}]}]}]""", "a8", "PropertyConstraintViolation")]
    public async Task BadCall_GetsSpecCallError_SessionSurvives(string frame, string id, string code)
    {
        await using var cp = await _server.ConnectAsync("BAD1");

        await cp.SendRawAsync(frame);
        var answer = await cp.NextAnswerAsync();

        Assert.Equal(4, answer[0]!.GetValue<int>());
        Assert.Equal(id, answer[1]!.GetValue<string>());
        Assert.Equal(code, answer[2]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(answer[3]!.GetValue<string>()));
        await cp.CallOkAsync("Heartbeat", new { });
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"an\":\"object\"}")]
    [InlineData("[]")]
    [InlineData("[3]")]
    public async Task UnrecoverableGarbage_IsDropped_SessionSurvives(string frame)
    {
        await using var cp = await _server.ConnectAsync("BAD2");

        await cp.SendRawAsync(frame);
        var next = await cp.CallOkAsync("Heartbeat", new { });

        Assert.NotNull(next["currentTime"]);
    }

    [Fact]
    public async Task MessageIdOver36Characters_RejectedWithProtocolError()
    {
        await using var cp = await _server.ConnectAsync("BAD3");

        await cp.SendRawAsync($"[2,\"{new string('x', 37)}\",\"Heartbeat\",{{}}]");
        var answer = await cp.NextAnswerAsync();

        Assert.Equal(4, answer[0]!.GetValue<int>());
        Assert.Equal("ProtocolError", answer[2]!.GetValue<string>());
        Assert.Contains("36", answer[3]!.GetValue<string>(), StringComparison.Ordinal);
        await cp.CallOkAsync("Heartbeat", new { });
    }

    [Fact]
    public async Task OneChargersGarbage_DoesNotDisturbAnother()
    {
        await using var bad = await _server.ConnectAsync("NOISY");
        await using var good = await _server.ConnectAsync("QUIET");

        for (var i = 0; i < 20; i++)
        {
            await bad.SendRawAsync("[2,\"x" + i + "\",\"Heartbeat\",{");
        }

        var answer = await good.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "T", meterStart = 0, timestamp = "2026-11-01T00:00:00Z" });
        Assert.True(answer["transactionId"]!.GetValue<int>() > 0);
    }
}
