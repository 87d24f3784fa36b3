using Levity.Grains.LoadManagement.Allocation;

namespace Levity.Tests.LoadManagement;

/// <summary>The pure allocation: fair shares, caps, minimums, pausing, phases and nested limits.</summary>
public sealed class LoadAllocatorTests
{
    private static readonly AllocationNode[] Site80 = [new("site", -1, 80)];

    private static ConnectorDemand Car(int node = 0, PhaseSet phases = PhaseSet.All, double min = 6, double max = 32, double? demand = null, long priority = 0) =>
        new(node, phases, DemandKind.Managed, min, max, demand, Priority: priority);

    [Fact]
    public void Allocate_FourCarsOn80A_EqualShares()
    {
        var result = LoadAllocator.Allocate(Site80, [Car(), Car(), Car(), Car()]);

        Assert.Equal([20, 20, 20, 20], result.Amps);
        Assert.All(result.Paused, p => Assert.False(p));
        Assert.Equal(80, result.NodePhaseTotal(0, 0), 6);
    }

    [Fact]
    public void Allocate_ShareAboveAChargersMaximum_LeftoverPassedOn()
    {
        var result = LoadAllocator.Allocate(Site80, [Car(max: 16), Car(), Car()]);

        Assert.Equal([16, 32, 32], result.Amps);
    }

    [Fact]
    public void Allocate_CarDrawingLess_UnusedShareGoesToOthers()
    {
        var result = LoadAllocator.Allocate(Site80, [Car(demand: 8), Car(), Car(), Car()]);

        Assert.Equal(8, result.Amps[0]);
        Assert.Equal([24, 24, 24], result.Amps[1..]);
    }

    [Fact]
    public void Allocate_NotEveryMinimumFits_LowestPriorityPaused()
    {
        // 80 A / 6 A = 13 minimums fit; the two with the highest priority numbers wait.
        var cars = Enumerable.Range(0, 15).Select(i => Car(priority: i)).ToArray();

        var result = LoadAllocator.Allocate(Site80, cars);

        Assert.Equal(13, result.Paused.Count(p => !p));
        Assert.True(result.Paused[13] && result.Paused[14]);
        Assert.Equal(0, result.Amps[14]);
        Assert.All(result.Amps[..13], a => Assert.InRange(a, 6, 6.2));
        Assert.True(result.NodePhaseTotal(0, 0) <= 80);
    }

    [Fact]
    public void Allocate_SinglePhaseChargers_EachPhaseHoldsItsOwnLimit()
    {
        var cars = new[] { Car(phases: PhaseSet.L1), Car(phases: PhaseSet.L1), Car(phases: PhaseSet.L1), Car(phases: PhaseSet.L2), Car(phases: PhaseSet.All) };

        var result = LoadAllocator.Allocate([new("site", -1, 40)], cars);

        // L1 carries three single-phase cars and the three-phase one: 10 A each; L2 has room for more.
        Assert.Equal([10, 10, 10], result.Amps[..3]);
        Assert.Equal(10, result.Amps[4]);
        Assert.Equal(30, result.Amps[3]);
        Assert.Equal(40, result.NodePhaseTotal(0, 0), 6);
        Assert.Equal(40, result.NodePhaseTotal(0, 1), 6);
    }

    [Fact]
    public void Allocate_NestedCircuit_HoldsBothLimits()
    {
        AllocationNode[] nodes = [new("site", -1, 80), new("garage", 0, 20)];

        var result = LoadAllocator.Allocate(nodes, [Car(node: 1), Car(node: 1), Car(node: 0), Car(node: 0)]);

        Assert.Equal([10, 10, 30, 30], result.Amps);
    }

    [Fact]
    public void Allocate_ReservedCharger_TakenOffTheLimitFirst()
    {
        var unmanaged = new ConnectorDemand(0, PhaseSet.All, DemandKind.Reserved, 6, 32, ReservedAmps: 32);

        var result = LoadAllocator.Allocate(Site80, [unmanaged, Car(), Car()]);

        Assert.Equal([32, 24, 24], result.Amps);
    }

    [Fact]
    public void Allocate_UnpausableCharger_AdmittedBeforeBetterPriorities()
    {
        var adapter = new ConnectorDemand(0, PhaseSet.All, DemandKind.Managed, 8, 32, Priority: 99, CanPause: false);

        var result = LoadAllocator.Allocate([new("site", -1, 12)], [Car(priority: 0), adapter]);

        Assert.True(result.Paused[0]);
        Assert.Equal(12, result.Amps[1]);
    }

    [Fact]
    public void Allocate_IdleConnectors_GetNothing()
    {
        var idle = new ConnectorDemand(0, PhaseSet.All, DemandKind.Idle, 6, 32);

        var result = LoadAllocator.Allocate(Site80, [idle, Car()]);

        Assert.Equal([0, 32], result.Amps);
    }

    [Fact]
    public void Allocate_ThirdsOfALimit_RoundedDownTo01A()
    {
        var result = LoadAllocator.Allocate([new("site", -1, 20)], [Car(), Car(), Car()]);

        Assert.All(result.Amps, a => Assert.Equal(6.6, a, 9));
    }

    /// <summary>
    /// Random trees, wiring, minimums, maximums, demands and reservations: no phase of any group is
    /// ever above its limit, no admitted connector is below its minimum or above its cap, and a
    /// connector is paused only when its minimum did not fit.
    /// </summary>
    [Fact]
    public void Allocate_RandomSites_NeverAboveAnyPhaseLimit()
    {
        var random = new Random(18);
        for (var round = 0; round < 2000; round++)
        {
            var nodes = new List<AllocationNode> { new("site", -1, random.Next(0, 200)) };
            for (var k = 1; k < random.Next(1, 5); k++)
            {
                nodes.Add(new AllocationNode("g" + k, random.Next(0, k), random.Next(0, 120) + (random.Next(10) / 10.0)));
            }

            var connectors = new List<ConnectorDemand>();
            for (var i = random.Next(0, 40); i > 0; i--)
            {
                var phases = (PhaseSet)random.Next(1, 8);
                var min = random.Next(0, 10);
                var max = min + random.Next(0, 30);
                var kind = random.Next(10) switch { 0 => DemandKind.Idle, 1 => DemandKind.Reserved, _ => DemandKind.Managed };
                double? demand = random.Next(4) == 0 ? random.NextDouble() * 40 : null;
                connectors.Add(new ConnectorDemand(random.Next(nodes.Count), phases, kind, min, max, demand, kind == DemandKind.Reserved ? random.Next(0, 8) : 0, random.Next(100)));
            }

            var result = LoadAllocator.Allocate(nodes, connectors);

            for (var k = 0; k < nodes.Count; k++)
            {
                for (var p = 0; p < 3; p++)
                {
                    var reserved = Sum(nodes, connectors, result, k, p, DemandKind.Reserved);
                    var total = result.NodePhaseTotal(k, p);
                    // Reservations alone may exceed a limit (they are what chargers take regardless); nothing managed is added then.
                    Assert.True(total <= Math.Max(nodes[k].LimitAmps, reserved) + 1e-9, $"round {round}: group {k} phase {p}: {total} A > {nodes[k].LimitAmps} A");
                }
            }

            for (var i = 0; i < connectors.Count; i++)
            {
                var c = connectors[i];
                if (c.Kind == DemandKind.Managed && !result.Paused[i])
                {
                    Assert.InRange(result.Amps[i], c.MinAmps - 1e-9, Math.Max(c.MinAmps, Math.Min(c.MaxAmps, c.DemandAmps ?? c.MaxAmps)) + 1e-9);
                }
                else if (c.Kind != DemandKind.Reserved)
                {
                    Assert.Equal(0, result.Amps[i]);
                }
            }
        }
    }

    private static double Sum(List<AllocationNode> nodes, List<ConnectorDemand> connectors, AllocationResult result, int node, int phase, DemandKind kind)
    {
        var sum = 0.0;
        for (var i = 0; i < connectors.Count; i++)
        {
            if (connectors[i].Kind == kind && ((int)connectors[i].Phases & (1 << phase)) != 0 && Under(nodes, connectors[i].Node, node))
            {
                sum += result.Amps[i];
            }
        }

        return sum;
    }

    private static bool Under(List<AllocationNode> nodes, int start, int ancestor)
    {
        for (var n = start; n >= 0; n = nodes[n].Parent)
        {
            if (n == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
