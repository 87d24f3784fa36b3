using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Grains;

/// <summary>The grains scale out: a charger's grain on one silo answers calls made on another.</summary>
public sealed class TwoSiloTests(TwoSiloChargePointCluster fixture) : IClassFixture<TwoSiloChargePointCluster>
{
    [Fact]
    public async Task ChargePointGrain_ActivatedOnOneSilo_AnswersCallsFromTheOther()
    {
        var cluster = fixture.Inner.Cluster;
        Assert.Equal(2, cluster.Silos.Count);
        var first = cluster.Silos[0];
        var second = cluster.Silos[1];

        // A charger's WebSocket lands on one silo; its grain is placed there (PreferLocalPlacement).
        var local = first.ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IChargePointGrain>("TWO1");
        await local.BootNotification(new BootNotificationRequest("United Chargers", "Grizzl-E"));

        var remote = second.ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IChargePointGrain>("TWO1");
        var answer = await remote.DataTransfer(new DataTransferRequest("test", "x"));
        var state = await remote.GetState();

        Assert.Equal(DataTransferStatus.Accepted, answer.Status);
        Assert.Equal("Grizzl-E", state.Model);
        var activations = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var activation = Assert.Single(activations, a => a.GrainId == local.GetGrainId());
        Assert.Equal(first.SiloAddress, activation.SiloAddress);
    }
}
