using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;
using Levity.Silo.Hosting;
using Levity.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Levity.Tests.Hosting;

/// <summary>The Orleans silo the server co-hosts: its identity, endpoint and call timeout.</summary>
public sealed class SiloHostingTests
{
    [Fact]
    public async Task Server_ClusterAndServiceIds_FromOptions_SiloOnLoopback()
    {
        await using var server = await LevityTestServer.StartAsync(configure: o =>
        {
            o.ClusterId = "site-a";
            o.ServiceId = "levity-test";
        });

        var cluster = server.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        var endpoint = server.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal(("site-a", "levity-test"), (cluster.ClusterId, cluster.ServiceId));
        Assert.Equal(System.Net.IPAddress.Loopback, endpoint.AdvertisedIPAddress);
        Assert.NotEqual(0, endpoint.SiloPort);
        Assert.Equal(0, endpoint.GatewayPort);
    }

    [Fact]
    public async Task Server_OrleansResponseTimeout_AboveTheLongestChargerCall()
    {
        await using var server = await LevityTestServer.StartAsync(configure: o => o.ResponseTimeout = 45);

        var messaging = server.Services.GetRequiredService<IOptions<SiloMessagingOptions>>().Value;

        // 16 queued calls, each answered within 45 s, plus the one in flight: Orleans must not cut the last off.
        Assert.Equal(SiloConfiguration.CallTimeout(TimeSpan.FromSeconds(45)), messaging.ResponseTimeout);
        Assert.True(messaging.ResponseTimeout > TimeSpan.FromSeconds(17 * 45));
    }

    [Fact]
    public async Task CallCharger_ChargerSilent_FailsWithTheOcppTimeoutAfterResponseTimeout()
    {
        await using var server = await LevityTestServer.StartAsync(configure: o => o.ResponseTimeout = 1);
        await using var charger = await server.ConnectAsync("SILENT1");
        await charger.CallOkAsync("BootNotification", new { chargePointVendor = "V", chargePointModel = "M" });
        var grain = server.Services.GetRequiredService<IGrainFactory>().GetGrain<IChargePointGrain>("SILENT1");

        var started = TimeProvider.System.GetTimestamp();
        var error = await Assert.ThrowsAsync<Levity.Ocpp.Calls.OcppCallTimeoutException>(() => grain.CallCharger(new ClearCacheRequest()));

        Assert.Equal("ClearCache", error.Action);
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Equal("ClearCache", (await charger.NextServerCallAsync())[2]!.GetValue<string>());
    }
}
