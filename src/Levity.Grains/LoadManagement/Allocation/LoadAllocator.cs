namespace Levity.Grains.LoadManagement.Allocation;

/// <summary>
/// Shares the limits of a tree of load groups among connectors: pure, no I/O, no clock.
/// <list type="number">
/// <item>Reserved connectors (unmanaged, or drawing more than they were given) are taken off every
/// limit above them, on their phases.</item>
/// <item>Managed connectors are admitted at their minimum in ascending priority while that
/// minimum fits under every limit above them; the others get 0 (paused). The caller rotates the
/// priorities so that nobody waits forever.</item>
/// <item>The admitted ones are raised together to one common level (max-min fairness, "water
/// filling"): each gets the level, clamped to [minimum, cap], where the cap is its maximum or what
/// its car draws plus a margin. When a limit is reached, the connectors under it stop there and the
/// others keep rising, so what one cannot use passes to the rest.</item>
/// </list>
/// Results are rounded down to 0.1 A (the resolution chargers take), so no limit is exceeded on
/// any phase of any group unless reservations and unpausable minimums alone exceed it.
/// </summary>
public static class LoadAllocator
{
    /// <summary>The resolution of a limit sent to a charger (A).</summary>
    public const double Step = 0.1;

    private const double Tight = 1e-6;
    private const int SearchSteps = 50;

    public static AllocationResult Allocate(IReadOnlyList<AllocationNode> nodes, IReadOnlyList<ConnectorDemand> connectors)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(connectors);
        var count = connectors.Count;
        var remaining = new double[nodes.Count * 3];
        for (var k = 0; k < nodes.Count; k++)
        {
            remaining[k * 3] = remaining[(k * 3) + 1] = remaining[(k * 3) + 2] = nodes[k].LimitAmps;
        }

        var constraints = Constraints(nodes, connectors, out var offsets);
        var amps = new double[count];
        var paused = new bool[count];
        var caps = new double[count];

        for (var i = 0; i < count; i++)
        {
            if (connectors[i].Kind == DemandKind.Reserved)
            {
                amps[i] = Math.Max(0, connectors[i].ReservedAmps);
                Take(remaining, constraints, offsets, i, amps[i]);
            }
        }

        var admitted = Admit(connectors, remaining, constraints, offsets, amps, paused);
        var active = new List<int>(admitted.Count);
        foreach (var i in admitted)
        {
            var c = connectors[i];
            caps[i] = Math.Max(c.MinAmps, Math.Min(c.MaxAmps, c.DemandAmps ?? c.MaxAmps));
            if (caps[i] > c.MinAmps + Tight)
            {
                active.Add(i);
            }
        }

        Fill(connectors, remaining, constraints, offsets, amps, caps, active);

        foreach (var i in admitted)
        {
            // Rounding down never raises a total; a minimum off the 0.1 A grid is kept as it is.
            amps[i] = Math.Max(Math.Min(connectors[i].MinAmps, amps[i]), Math.Floor((amps[i] / Step) + 1e-9) * Step);
        }

        var totals = new double[nodes.Count * 3];
        for (var i = 0; i < count; i++)
        {
            for (var j = offsets[i]; j < offsets[i + 1]; j++)
            {
                totals[constraints[j]] += amps[i];
            }
        }

        return new AllocationResult(amps, paused, totals);
    }

    /// <summary>The (node, phase) slots each connector counts against, flattened: connector i owns <c>[offsets[i], offsets[i + 1])</c>.</summary>
    private static int[] Constraints(IReadOnlyList<AllocationNode> nodes, IReadOnlyList<ConnectorDemand> connectors, out int[] offsets)
    {
        offsets = new int[connectors.Count + 1];
        var slots = new List<int>(connectors.Count * 3);
        for (var i = 0; i < connectors.Count; i++)
        {
            offsets[i] = slots.Count;
            var c = connectors[i];
            if (c.Kind != DemandKind.Idle)
            {
                var node = c.Node;
                for (var depth = 0; node >= 0; depth++)
                {
                    if (node >= nodes.Count || depth > nodes.Count)
                    {
                        throw new ArgumentException($"Connector {i} refers to group index {node}, outside the tree or in a cycle.", nameof(connectors));
                    }

                    for (var p = 0; p < 3; p++)
                    {
                        if (((int)c.Phases & (1 << p)) != 0)
                        {
                            slots.Add((node * 3) + p);
                        }
                    }

                    node = nodes[node].Parent;
                }
            }
        }

        offsets[connectors.Count] = slots.Count;
        return [.. slots];
    }

    private static List<int> Admit(
        IReadOnlyList<ConnectorDemand> connectors, double[] remaining, int[] constraints, int[] offsets, double[] amps, bool[] paused)
    {
        var order = new List<int>();
        for (var i = 0; i < connectors.Count; i++)
        {
            if (connectors[i].Kind == DemandKind.Managed)
            {
                order.Add(i);
            }
        }

        order.Sort((a, b) =>
        {
            var x = connectors[a];
            var y = connectors[b];
            return x.CanPause != y.CanPause ? x.CanPause.CompareTo(y.CanPause)
                : x.Priority != y.Priority ? x.Priority.CompareTo(y.Priority)
                : a.CompareTo(b);
        });

        var admitted = new List<int>(order.Count);
        foreach (var i in order)
        {
            var min = Math.Max(0, connectors[i].MinAmps);
            if (!connectors[i].CanPause || Fits(remaining, constraints, offsets, i, min))
            {
                Take(remaining, constraints, offsets, i, min);
                amps[i] = min;
                admitted.Add(i);
            }
            else
            {
                paused[i] = true;
            }
        }

        return admitted;
    }

    /// <summary>Raises the active connectors to a common level, freezing those under a limit that becomes tight.</summary>
    private static void Fill(
        IReadOnlyList<ConnectorDemand> connectors, double[] remaining, int[] constraints, int[] offsets, double[] amps, double[] caps, List<int> active)
    {
        var usage = new double[remaining.Length];
        var done = new List<int>();
        var level = 0.0;
        while (active.Count > 0)
        {
            var high = 0.0;
            foreach (var i in active)
            {
                high = Math.Max(high, caps[i]);
            }

            double reached;
            if (Feasible(high))
            {
                reached = high;
            }
            else if (!Feasible(level))
            {
                // Reservations ate the room above the minimums: everyone stays at the minimum.
                break;
            }
            else
            {
                var low = level;
                for (var step = 0; step < SearchSteps; step++)
                {
                    var middle = (low + high) / 2;
                    if (Feasible(middle))
                    {
                        low = middle;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                reached = low;
            }

            Usage(reached);
            var still = new List<int>(active.Count);
            foreach (var i in active)
            {
                var value = Level(connectors[i], caps[i], reached);
                var frozen = value >= caps[i] - Tight;
                for (var j = offsets[i]; j < offsets[i + 1] && !frozen; j++)
                {
                    frozen = remaining[constraints[j]] - usage[constraints[j]] < Tight;
                }

                if (frozen)
                {
                    amps[i] = value;
                    done.Add(i);
                }
                else
                {
                    still.Add(i);
                }
            }

            // Taken only after every freeze was decided against the same usage.
            foreach (var i in done)
            {
                Take(remaining, constraints, offsets, i, amps[i] - connectors[i].MinAmps);
            }

            done.Clear();

            if (still.Count == active.Count)
            {
                foreach (var i in still)
                {
                    amps[i] = Level(connectors[i], caps[i], reached);
                }

                break;
            }

            active = still;
            level = reached;
        }

        bool Feasible(double candidate)
        {
            Usage(candidate);
            for (var c = 0; c < remaining.Length; c++)
            {
                if (usage[c] > remaining[c] + 1e-9)
                {
                    return false;
                }
            }

            return true;
        }

        void Usage(double candidate)
        {
            Array.Clear(usage);
            foreach (var i in active)
            {
                var extra = Level(connectors[i], caps[i], candidate) - connectors[i].MinAmps;
                for (var j = offsets[i]; j < offsets[i + 1]; j++)
                {
                    usage[constraints[j]] += extra;
                }
            }
        }
    }

    private static double Level(ConnectorDemand connector, double cap, double level) => Math.Clamp(level, connector.MinAmps, cap);

    private static bool Fits(double[] remaining, int[] constraints, int[] offsets, int i, double amps)
    {
        for (var j = offsets[i]; j < offsets[i + 1]; j++)
        {
            if (remaining[constraints[j]] - amps < -1e-9)
            {
                return false;
            }
        }

        return true;
    }

    private static void Take(double[] remaining, int[] constraints, int[] offsets, int i, double amps)
    {
        for (var j = offsets[i]; j < offsets[i + 1]; j++)
        {
            remaining[constraints[j]] -= amps;
        }
    }
}
