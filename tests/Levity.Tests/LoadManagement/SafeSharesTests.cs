using Levity.Grains.LoadManagement;
using Levity.Grains.LoadManagement.Allocation;

namespace Levity.Tests.LoadManagement;

/// <summary>The safe shares and the worked example of docs/load-management.md.</summary>
public sealed class SafeSharesTests
{
    private static readonly AllocationNode[] Site80 = [new("site", -1, 80)];

    [Fact]
    public void Compute_TwentyThreePhaseChargersOn80A_BelowMinimum_Zero()
    {
        var chargers = Enumerable.Range(0, 20).Select(_ => (0, PhaseSet.All, true, 1, 6.0, 32.0)).ToList();

        Assert.All(SafeShares.Compute(Site80, chargers), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Compute_TwentySinglePhaseChargersSpreadOverPhases_EveryPhaseHolds()
    {
        var chargers = Enumerable.Range(0, 20)
            .Select(i => (0, i < 7 ? PhaseSet.L1 : i < 14 ? PhaseSet.L2 : PhaseSet.L3, true, 1, 6.0, 32.0))
            .ToList();

        var shares = SafeShares.Compute(Site80, chargers);

        Assert.All(shares[..14], s => Assert.Equal(11.4, s, 9));
        Assert.All(shares[14..], s => Assert.Equal(13.3, s, 9));
        Assert.True(shares[..7].Sum() <= 80);
    }

    [Fact]
    public void Compute_UnmanagedCharger_ItsMaximumReservedFirst()
    {
        var chargers = new List<(int, PhaseSet, bool, int, double, double)> { (0, PhaseSet.All, false, 1, 6, 32), (0, PhaseSet.All, true, 1, 6, 32), (0, PhaseSet.All, true, 1, 6, 32) };

        var shares = SafeShares.Compute(Site80, chargers);

        Assert.Equal([0, 24, 24], shares);
    }

    [Fact]
    public void Allocate_WorkedExampleGarageCircuit_TwoCarsShare32A_TwoShareTheRest()
    {
        AllocationNode[] nodes = [new("site", -1, 80), new("garage", 0, 32)];
        var cars = Enumerable.Range(0, 4).Select(i => new ConnectorDemand(i < 2 ? 1 : 0, PhaseSet.All, DemandKind.Managed, 6, 32)).ToArray();

        var result = LoadAllocator.Allocate(nodes, cars);

        Assert.Equal([16, 16, 24, 24], result.Amps);
    }

    [Fact]
    public void Allocate_WorkedExampleSpreadSinglePhase_AllTwentyCharge()
    {
        var cars = Enumerable.Range(0, 20)
            .Select(i => new ConnectorDemand(0, i < 7 ? PhaseSet.L1 : i < 14 ? PhaseSet.L2 : PhaseSet.L3, DemandKind.Managed, 6, 32))
            .ToArray();

        var result = LoadAllocator.Allocate(Site80, cars);

        Assert.DoesNotContain(true, result.Paused);
        Assert.All(result.Amps[..14], a => Assert.Equal(11.4, a, 9));
        Assert.All(result.Amps[14..], a => Assert.Equal(13.3, a, 9));
    }
}
