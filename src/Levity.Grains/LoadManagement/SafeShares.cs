using Levity.Grains.LoadManagement.Allocation;

namespace Levity.Grains.LoadManagement;

/// <summary>
/// The safe share of each charger: what it may draw with Levity gone, held as its default profile.
/// On every phase of every group above it: the limit, less the maximum of every unmanaged charger
/// there, divided by the connectors of managed chargers that could charge at once there; the
/// lowest of those, rounded down to 0.1 A. Below the charger's minimum it is 0: a charger that
/// cannot honour its safe share must not charge without Levity (docs/load-management.md).
/// </summary>
internal static class SafeShares
{
    public static double[] Compute(IReadOnlyList<AllocationNode> nodes, IReadOnlyList<(int Node, PhaseSet Phases, bool Managed, int Connectors, double MinAmps, double MaxAmps)> chargers)
    {
        var room = new double[nodes.Count * 3];
        var count = new int[nodes.Count * 3];
        for (var k = 0; k < nodes.Count; k++)
        {
            room[k * 3] = room[(k * 3) + 1] = room[(k * 3) + 2] = nodes[k].LimitAmps;
        }

        foreach (var c in chargers)
        {
            foreach (var slot in Slots(nodes, c.Node, c.Phases))
            {
                if (c.Managed)
                {
                    count[slot] += Math.Max(1, c.Connectors);
                }
                else
                {
                    room[slot] -= c.MaxAmps * Math.Max(1, c.Connectors);
                }
            }
        }

        var shares = new double[chargers.Count];
        for (var i = 0; i < chargers.Count; i++)
        {
            var c = chargers[i];
            if (!c.Managed)
            {
                continue;
            }

            var share = c.MaxAmps;
            foreach (var slot in Slots(nodes, c.Node, c.Phases))
            {
                share = Math.Min(share, Math.Max(0, room[slot]) / Math.Max(1, count[slot]));
            }

            share = Math.Floor((share / LoadAllocator.Step) + 1e-9) * LoadAllocator.Step;
            shares[i] = share + 1e-9 < c.MinAmps ? 0 : share;
        }

        return shares;
    }

    private static IEnumerable<int> Slots(IReadOnlyList<AllocationNode> nodes, int node, PhaseSet phases)
    {
        for (var n = node; n >= 0; n = nodes[n].Parent)
        {
            for (var p = 0; p < 3; p++)
            {
                if (((int)phases & (1 << p)) != 0)
                {
                    yield return (n * 3) + p;
                }
            }
        }
    }
}
