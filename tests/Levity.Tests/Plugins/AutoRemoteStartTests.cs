using System.Text.Json.Nodes;
using Levity.Tests.Support;

namespace Levity.Tests.Plugins;

public sealed class AutoRemoteStartTests
{
    private static Task<LevityTestServer> StartServer(double delay = 0.2, double responseTimeout = 30) =>
        LevityTestServer.StartAsync(configure: o =>
        {
            o.EnableAutoStart = true;
            o.AutoStartIdTag = "HOUSE7";
            o.AutoStartDelay = delay;
            o.ResponseTimeout = responseTimeout;
        });

    private static object Status(int connector, string status) => new { connectorId = connector, errorCode = "NoError", status };

    private static Task Answer(TestCharger cp, JsonArray call, string status) =>
        cp.SendRawAsync($$"""[3,"{{call[1]!.GetValue<string>()}}",{"status":"{{status}}"}]""");

    [Fact]
    public async Task Preparing_AfterDelay_SendsRemoteStartWithConnectorAndIdTag()
    {
        await using var server = await StartServer(delay: 0.3);
        await using var cp = await server.ConnectAsync("ARS1");

        var sentAt = DateTimeOffset.UtcNow;
        await cp.CallOkAsync("StatusNotification", Status(2, "Preparing"));
        var call = await cp.NextServerCallAsync();

        Assert.True(DateTimeOffset.UtcNow - sentAt >= TimeSpan.FromMilliseconds(250), "sent before the delay");
        Assert.Equal("RemoteStartTransaction", call[2]!.GetValue<string>());
        Assert.Equal(2, call[3]!["connectorId"]!.GetValue<int>());
        Assert.Equal("HOUSE7", call[3]!["idTag"]!.GetValue<string>());
        await Answer(cp, call, "Accepted");
    }

    [Fact]
    public async Task ConnectorLeavesPreparingDuringDelay_NoRemoteStart()
    {
        await using var server = await StartServer(delay: 0.5);
        await using var cp = await server.ConnectAsync("ARS2");

        await cp.CallOkAsync("StatusNotification", Status(1, "Preparing"));
        await cp.CallOkAsync("StatusNotification", Status(1, "Available"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cp.NextServerCallAsync(TimeSpan.FromSeconds(1.5)));
    }

    [Fact]
    public async Task ActiveTransactionOnConnector_NoRemoteStart()
    {
        await using var server = await StartServer(delay: 0.2);
        await using var cp = await server.ConnectAsync("ARS3");

        await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "T", meterStart = 0, timestamp = "2026-11-01T00:00:00Z" });
        await cp.CallOkAsync("StatusNotification", Status(1, "Preparing"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cp.NextServerCallAsync(TimeSpan.FromSeconds(1.2)));
    }

    [Fact]
    public async Task ConnectorZero_Ignored()
    {
        await using var server = await StartServer(delay: 0.1);
        await using var cp = await server.ConnectAsync("ARS4");

        await cp.CallOkAsync("StatusNotification", Status(0, "Preparing"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cp.NextServerCallAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task RejectedAnswer_CountedAsRejected()
    {
        using var metrics = new MetricCollector("ocpp_central_call_rejected_total");
        await using var server = await StartServer();
        await using var cp = await server.ConnectAsync("ARS5");

        await cp.CallOkAsync("StatusNotification", Status(1, "Preparing"));
        await Answer(cp, await cp.NextServerCallAsync(), "Rejected");

        await PluginPipelineTests.WaitUntil(() => metrics.Sum("ocpp_central_call_rejected_total", ("cp_id", "ARS5"), ("action", "RemoteStartTransaction"), ("status", "Rejected")) == 1);
    }

    [Fact]
    public async Task NoAnswer_TimesOut_CountedAsError_SessionGoesOn()
    {
        using var metrics = new MetricCollector("ocpp_central_call_errors_total");
        await using var server = await StartServer(responseTimeout: 0.5);
        await using var cp = await server.ConnectAsync("ARS6");

        await cp.CallOkAsync("StatusNotification", Status(1, "Preparing"));
        await cp.NextServerCallAsync();

        await PluginPipelineTests.WaitUntil(() => metrics.Sum("ocpp_central_call_errors_total", ("cp_id", "ARS6"), ("action", "RemoteStartTransaction"), ("error_type", "timeout")) == 1);
        await cp.CallOkAsync("Heartbeat", new { });
    }

    [Fact]
    public async Task CallError_CountedWithItsCode()
    {
        using var metrics = new MetricCollector("ocpp_central_call_errors_total");
        await using var server = await StartServer();
        await using var cp = await server.ConnectAsync("ARS7");

        await cp.CallOkAsync("StatusNotification", Status(1, "Preparing"));
        var call = await cp.NextServerCallAsync();
        await cp.SendRawAsync($$"""[4,"{{call[1]!.GetValue<string>()}}","NotSupported","no remote start",{}]""");

        await PluginPipelineTests.WaitUntil(() => metrics.Sum("ocpp_central_call_errors_total", ("cp_id", "ARS7"), ("error_type", "NotSupported")) == 1);
    }

    [Fact]
    public async Task Disabled_ByDefault_NoRemoteStart()
    {
        await using var server = await LevityTestServer.StartAsync();
        await using var cp = await server.ConnectAsync("ARS8");

        await cp.CallOkAsync("StatusNotification", Status(1, "Preparing"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cp.NextServerCallAsync(TimeSpan.FromSeconds(2)));
    }
}
