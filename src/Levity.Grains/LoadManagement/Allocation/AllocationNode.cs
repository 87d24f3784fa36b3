namespace Levity.Grains.LoadManagement.Allocation;

/// <summary>
/// One load group in the tree: a current limit (A) that holds on each of the three phases.
/// <see cref="Parent"/> is the index of the enclosing group in the node list, or -1 for the root.
/// </summary>
public readonly record struct AllocationNode(string Name, int Parent, double LimitAmps);
