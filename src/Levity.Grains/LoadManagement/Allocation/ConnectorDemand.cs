namespace Levity.Grains.LoadManagement.Allocation;

/// <summary>How the allocator treats one connector.</summary>
public enum DemandKind
{
    /// <summary>No transaction: nothing allocated, nothing reserved.</summary>
    Idle,

    /// <summary>Charging under Levity's control: gets a fair share, or 0 (paused).</summary>
    Managed,

    /// <summary>Cannot be limited (or is drawing more than it was given): <see cref="ConnectorDemand.ReservedAmps"/> is taken off the budget first.</summary>
    Reserved,
}

/// <summary>
/// One connector as the allocator sees it. <see cref="Node"/> is the index of its (innermost)
/// group; it draws the same current on each phase of <see cref="Phases"/>. <see cref="DemandAmps"/>
/// caps its share when the car draws less than it is given (null: no cap). Managed connectors are
/// admitted in ascending <see cref="Priority"/> when not all minimums fit; one that cannot be
/// paused (<see cref="CanPause"/> false) is admitted first whatever its priority.
/// </summary>
public readonly record struct ConnectorDemand(
    int Node,
    PhaseSet Phases,
    DemandKind Kind,
    double MinAmps,
    double MaxAmps,
    double? DemandAmps = null,
    double ReservedAmps = 0,
    long Priority = 0,
    bool CanPause = true);
