using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;

namespace Levity.Tests.Grains;

/// <summary>The semantics Levity relies on, checked on Orleans itself (an in-process test cluster).</summary>
public sealed class ChargePointGrainTests(ChargePointCluster fixture) : IClassFixture<ChargePointCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task DataTransfer_SiloFiltersInRegistrationOrder_WrapPluginHooksAndGrain()
    {
        var grain = fixture.Grains.GetGrain<IChargePointGrain>("ORDER1");

        var answer = await grain.DataTransfer(new DataTransferRequest("test", "x"));

        Assert.Equal(new DataTransferResponse(DataTransferStatus.Accepted, "answered by plugin"), answer);
        Assert.Equal(["first:in", "second:in", "before", "on", "second:out:Accepted", "first:out:Accepted"], fixture.CallsOf("ORDER1"));
    }

    [Fact]
    public async Task DataTransfer_BeforeHookThrows_ChargerStillGetsLevitysAnswer()
    {
        var grain = fixture.Grains.GetGrain<IChargePointGrain>("ISOLATE1");

        var answer = await grain.DataTransfer(new DataTransferRequest("other", "throw"));

        Assert.Equal(DataTransferStatus.UnknownVendorId, answer.Status);
        Assert.Equal(["first:in", "second:in", "before", "on", "second:out:UnknownVendorId", "first:out:UnknownVendorId"], fixture.CallsOf("ISOLATE1"));
    }

    [Fact]
    public async Task Messages_ConcurrentOnOneCharger_RunOneTurnAtATime()
    {
        var grain = fixture.Grains.GetGrain<IChargePointGrain>("TURNS1");

        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => grain.DataTransfer(new DataTransferRequest("other", "slow", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        var slow = fixture.CallsOf("TURNS1").Where(c => c.StartsWith("slow:", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, slow.Count);
        for (var i = 0; i < slow.Count; i += 2)
        {
            // Each turn leaves before the next one enters.
            Assert.Equal(slow[i].Replace(":in:", ":out:", StringComparison.Ordinal), slow[i + 1]);
        }
    }

    [Fact]
    public async Task Messages_SentInOrder_AreHandledInOrder()
    {
        var grain = fixture.Grains.GetGrain<IChargePointGrain>("ORDERED1");

        foreach (var i in new[] { "a", "b", "c", "d" })
        {
            await grain.DataTransfer(new DataTransferRequest("other", "slow", i));
        }

        Assert.Equal(["slow:in:a", "slow:in:b", "slow:in:c", "slow:in:d"], fixture.CallsOf("ORDERED1").Where(c => c.StartsWith("slow:in:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CallCharger_ChargerSendsItsOwnMessageBeforeAnswering_NoDeadlock()
    {
        var grain = fixture.Grains.GetGrain<IChargePointGrain>("NODEADLOCK1");
        var charger = new FakeChargerConnection(async request =>
        {
            // The charger's own message reaches its grain while the grain waits on this answer.
            await grain.StatusNotification(new StatusNotificationRequest(1, ChargePointErrorCode.NoError, ChargePointStatus.Preparing));
            return new GetConfigurationResponse([new KeyValue("HeartbeatInterval", false, "60")]);
        });
        var reference = fixture.Grains.CreateObjectReference<IChargerConnection>(charger);
        await grain.Connected(new ChargerConnectionInfo(1, "127.0.0.1:1", "ocpp1.6", fixture.Time.GetUtcNow()), reference);

        var answer = await grain.CallCharger(new GetConfigurationRequest(["HeartbeatInterval"])).WaitAsync(Timeout);

        var configuration = Assert.IsType<GetConfigurationResponse>(answer);
        Assert.Equal("60", Assert.Single(configuration.ConfigurationKey!).Value);
        Assert.Equal("Preparing", Assert.Single((await grain.GetState()).Connectors).Status);
        GC.KeepAlive(charger);
    }

    [Fact]
    public async Task CallCharger_AfterDisconnect_NotConnected()
    {
        var grain = fixture.Grains.GetGrain<IChargePointGrain>("GONE1");
        var charger = new FakeChargerConnection(_ => Task.FromResult<IOcppResponse>(new ClearCacheResponse(ClearCacheStatus.Accepted)));
        var reference = fixture.Grains.CreateObjectReference<IChargerConnection>(charger);
        await grain.Connected(new ChargerConnectionInfo(5, null, null, fixture.Time.GetUtcNow()), reference);
        Assert.IsType<ClearCacheResponse>(await grain.CallCharger(new ClearCacheRequest()));

        await grain.Disconnected(5);
        fixture.Grains.DeleteObjectReference<IChargerConnection>(reference);

        await Assert.ThrowsAsync<ChargerNotConnectedException>(() => grain.CallCharger(new ClearCacheRequest()));
        Assert.False((await grain.GetState()).IsConnected);
        GC.KeepAlive(charger);
    }

    [Fact]
    public async Task CallCharger_ObserverHeldStronglyBySession_SurvivesGarbageCollection()
    {
        var grain = fixture.Grains.GetGrain<IChargePointGrain>("KEPT1");
        var session = new List<IChargerConnection> { new FakeChargerConnection(_ => Task.FromResult<IOcppResponse>(new ClearCacheResponse(ClearCacheStatus.Accepted))) };
        var reference = fixture.Grains.CreateObjectReference<IChargerConnection>(session[0]);
        await grain.Connected(new ChargerConnectionInfo(9, null, null, fixture.Time.GetUtcNow()), reference);

        // Orleans holds the object weakly; the session's own reference is what keeps it.
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.IsType<ClearCacheResponse>(await grain.CallCharger(new ClearCacheRequest()).WaitAsync(Timeout));
        GC.KeepAlive(session);
    }

    [Fact]
    public async Task Disconnected_StaleGeneration_KeepsTheNewerSession()
    {
        var grain = fixture.Grains.GetGrain<IChargePointGrain>("REPLACED1");
        var charger = new FakeChargerConnection(_ => Task.FromResult<IOcppResponse>(new ClearCacheResponse(ClearCacheStatus.Accepted)));
        var reference = fixture.Grains.CreateObjectReference<IChargerConnection>(charger);
        await grain.Connected(new ChargerConnectionInfo(20, null, null, fixture.Time.GetUtcNow()), reference);

        await grain.Disconnected(19);

        var state = await grain.GetState();
        Assert.True(state.IsConnected);
        Assert.Equal(20, state.Connection!.Generation);
        Assert.IsType<ClearCacheResponse>(await grain.CallCharger(new ClearCacheRequest()));
        GC.KeepAlive(charger);
    }

    [Fact]
    public async Task Connected_OlderSessionArrivesAfterItsSuccessor_NewerSessionStays()
    {
        var grain = fixture.Grains.GetGrain<IChargePointGrain>("RACE1");
        var charger = new FakeChargerConnection(_ => Task.FromResult<IOcppResponse>(new ClearCacheResponse(ClearCacheStatus.Accepted)));
        var reference = fixture.Grains.CreateObjectReference<IChargerConnection>(charger);

        await grain.Connected(new ChargerConnectionInfo(31, null, null, fixture.Time.GetUtcNow()), reference);
        await grain.Connected(new ChargerConnectionInfo(30, null, null, fixture.Time.GetUtcNow()), reference);
        await grain.Disconnected(30);

        var state = await grain.GetState();
        Assert.True(state.IsConnected);
        Assert.Equal(31, state.Connection!.Generation);
        GC.KeepAlive(charger);
    }

    [Fact]
    public async Task Heartbeat_AnswersTheGrainsClock()
    {
        var grain = fixture.Grains.GetGrain<IChargePointGrain>("CLOCK1");

        var answer = await grain.Heartbeat(new HeartbeatRequest());

        Assert.Equal(fixture.Time.GetUtcNow(), answer.CurrentTime);
    }
}
