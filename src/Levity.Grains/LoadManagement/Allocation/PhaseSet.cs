namespace Levity.Grains.LoadManagement.Allocation;

/// <summary>The supply phases a connector draws from: one for a single-phase charger, all three otherwise.</summary>
[Flags]
public enum PhaseSet
{
    None = 0,
    L1 = 1,
    L2 = 2,
    L3 = 4,
    All = L1 | L2 | L3,
}
