namespace Levity.Grains.LoadManagement.Allocation;

/// <summary>
/// What the allocator decided: <see cref="Amps"/> per connector (same order as the input; 0 for
/// idle and paused ones, the reservation for reserved ones), which managed connectors are paused,
/// and the total per node and phase (<c>node * 3 + phase index</c>, L1 = 0).
/// </summary>
public sealed record AllocationResult(double[] Amps, bool[] Paused, double[] NodePhaseTotals)
{
    public double NodePhaseTotal(int node, int phaseIndex) => NodePhaseTotals[(node * 3) + phaseIndex];
}
