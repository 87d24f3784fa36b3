using Levity.Tests.Runtime.TestGrains;

namespace Levity.Tests.Runtime;

/// <summary>
/// The ChargePointGrain case: a server-initiated command waits for the device's reply while the
/// device keeps sending messages. Neither way of waiting may deadlock.
/// </summary>
public sealed class BackgroundWorkTests
{
    [Fact]
    public async Task SendCommandInBackground_DeviceMessagesArriveMeanwhile_ReplyReentersAsNormalTurn()
    {
        await using var cluster = await TestSilo.StartAsync();
        var charger = cluster.Grain<IChargerGrain>("cp-1");
        var reply = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        await charger.SendCommandInBackground("RemoteStart", reply.Task).WaitAsync(GrainProbe.Timeout);
        await charger.OnDeviceMessage("StatusNotification").WaitAsync(GrainProbe.Timeout);
        await charger.OnDeviceMessage("MeterValues", reply, "Accepted").WaitAsync(GrainProbe.Timeout);
        await cluster.Probe().WaitFor("background-done:cp-1");

        Assert.Equal(
            ["sent:RemoteStart", "device:StatusNotification", "device:MeterValues", "reply:RemoteStart:Accepted"],
            await charger.GetLog());
    }

    [Fact]
    public async Task SendCommandAndWait_ReplyDeliveredByAlwaysInterleaveCall_CompletesWithoutDeadlock()
    {
        await using var cluster = await TestSilo.StartAsync();
        var charger = cluster.Grain<IChargerGrain>("cp-2");
        var reply = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var command = charger.SendCommandAndWait("GetConfiguration", reply.Task);
        var queuedDeviceMessage = charger.OnDeviceMessage("Heartbeat");
        await charger.OnDeviceReply(reply, "config").WaitAsync(GrainProbe.Timeout);

        Assert.Equal("config", await command.WaitAsync(GrainProbe.Timeout));
        await queuedDeviceMessage.WaitAsync(GrainProbe.Timeout);
        Assert.Equal(
            ["sent:GetConfiguration", "delivered:config", "reply:GetConfiguration:config", "device:Heartbeat"],
            await charger.GetLog());
    }

    [Fact]
    public async Task BackgroundWork_OnDeactivation_IsCancelledAndAwaitedBeforeOnDeactivate()
    {
        await using var cluster = await TestSilo.StartAsync();
        var grain = cluster.Grain<ILifecycleGrain>("worker");
        await grain.StartWaitingBackgroundWork();
        await cluster.Probe().WaitFor("background-started:worker");

        await grain.Deactivate();
        await cluster.Probe().WaitFor("deactivate:worker:ApplicationRequested");

        var events = cluster.Probe().Events;
        Assert.True(
            events.ToList().IndexOf("background-cancelled:worker") < events.ToList().IndexOf("deactivate:worker:ApplicationRequested"),
            string.Join(", ", events));
    }
}
