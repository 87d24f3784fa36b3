using Levity.Grains.Plugins;
using Levity.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Plugins;

public sealed class PluginPipelineTests
{
    [Fact]
    public async Task Hooks_RunBeforeOnAfter_WithRequestFrameStateAndResult_AfterOnlyOnceAnswered()
    {
        var plugin = new RecordingPlugin();
        await using var server = await LevityTestServer.StartAsync(configureServices: s => s.AddSingleton(plugin).AddChargePointPlugin<RecordingPlugin>());
        await using (var cp = await server.ConnectAsync("PLUG1"))
        {
            // If the After hook held up the answer, this call would never return: it waits for AllowAfter.
            var answer = await cp.CallOkAsync("Heartbeat", new { });
            Assert.False(plugin.AfterDone.Task.IsCompleted);
            plugin.AllowAfter.SetResult();
            await plugin.AfterDone.Task.WaitAsync(TimeSpan.FromSeconds(10));

            var year = DateTimeOffset.Parse(answer["currentTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Year;
            Assert.Equal(["init:PLUG1", "before:PLUG1:True:True", $"on:{year}:True", $"after:{year}:True"], plugin.Events.ToArray());
        }

        await WaitUntil(() => plugin.Events.Contains("cleanup:PLUG1"));
    }

    [Fact]
    public async Task OnHook_ReplacesTheAnswer()
    {
        await using var server = await LevityTestServer.StartAsync(configureServices: s => s.AddChargePointPlugin<VendorPlugin>());
        await using var cp = await server.ConnectAsync("PLUG2");

        var mine = await cp.CallOkAsync("DataTransfer", new { vendorId = "com.example", data = "ping" });
        var other = await cp.CallOkAsync("DataTransfer", new { vendorId = "com.other" });

        Assert.Equal("Accepted", mine["status"]!.GetValue<string>());
        Assert.Equal("pong:ping", mine["data"]!.GetValue<string>());
        Assert.Equal("UnknownVendorId", other["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AfterHookCallsCharger_WhileChargerSendsAnotherMessageFirst_NoDeadlock()
    {
        var plugin = new CallingPlugin();
        await using var server = await LevityTestServer.StartAsync(configureServices: s => s.AddSingleton(plugin).AddChargePointPlugin<CallingPlugin>());
        await using var cp = await server.ConnectAsync("PLUG3");

        await cp.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Available" });
        var call = await cp.NextServerCallAsync();
        Assert.Equal("GetConfiguration", call[2]!.GetValue<string>());

        // The charger talks first; the grain must not be blocked by the pending server call.
        await cp.CallOkAsync("Heartbeat", new { });
        await cp.CallOkAsync("MeterValues", new { connectorId = 1, meterValue = new[] { new { timestamp = "2026-11-01T00:00:00Z", sampledValue = new[] { new { value = "1" } } } } });
        await cp.SendRawAsync($$"""[3,"{{call[1]!.GetValue<string>()}}",{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"60"}]}]""");

        var answer = await plugin.Answer.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("60", Assert.Single(answer.ConfigurationKey!).Value);
    }

    [Fact]
    public async Task ThrowingPlugin_IsIsolatedLoggedAndCounted_ChargerGetsNormalAnswer()
    {
        using var metrics = new MetricCollector("levity_plugin_errors_total");
        await using var server = await LevityTestServer.StartAsync(configureServices: s => s.AddChargePointPlugin<ThrowingPlugin>());
        await using var cp = await server.ConnectAsync("PLUG4");

        var answer = await cp.CallOkAsync("Heartbeat", new { });

        Assert.NotNull(answer["currentTime"]);
        Assert.Equal(1, metrics.Sum("levity_plugin_errors_total", ("plugin", nameof(ThrowingPlugin)), ("hook", "Before")));
    }

    [Fact]
    public async Task StuckBeforeHook_IsAbandonedAfterTimeout_ChargerGetsAnswer()
    {
        using var metrics = new MetricCollector("levity_plugin_timeouts_total");
        await using var server = await LevityTestServer.StartAsync(configureServices: s => s
            .AddChargePointPlugin<StuckPlugin>()
            .Configure<PluginOptions>(o => o.HookTimeout = TimeSpan.FromMilliseconds(300)));
        await using var cp = await server.ConnectAsync("PLUG5");

        var answer = await cp.CallOkAsync("Heartbeat", new { });

        Assert.NotNull(answer["currentTime"]);
        Assert.Equal(1, metrics.Sum("levity_plugin_timeouts_total", ("plugin", nameof(StuckPlugin))));
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
