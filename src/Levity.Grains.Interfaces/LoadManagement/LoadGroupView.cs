namespace Levity.Grains.Interfaces.LoadManagement;

/// <summary>A site's load now: each group's limit and, per phase (L1, L2, L3), allocated and measured current; each connector's allocation.</summary>
[GenerateSerializer, Immutable, Alias("levity.LoadGroupView")]
public sealed record LoadGroupView(
    string Site,
    DateTimeOffset? ComputedAt,
    IReadOnlyList<GroupLoad> Groups,
    IReadOnlyList<ConnectorAllocation> Connectors);

/// <summary>One group of a site: its limit and its allocated and measured current on L1, L2, L3.</summary>
[GenerateSerializer, Immutable, Alias("levity.GroupLoad")]
public sealed record GroupLoad(string Name, string? Parent, double LimitAmps, IReadOnlyList<double> AllocatedAmps, IReadOnlyList<double> MeasuredAmps);

/// <summary>One connector's allocation and why; <see cref="Overdrawing"/> when it draws more than it was given (beyond the tolerance) for longer than allowed.</summary>
[GenerateSerializer, Immutable, Alias("levity.ConnectorAllocation")]
public sealed record ConnectorAllocation(
    string ChargePointId,
    int ConnectorId,
    string Group,
    double Amps,
    bool Paused,
    bool Overdrawing,
    LimitCapability Capability,
    double? MeasuredAmps,
    string Reason);
