using Levity.Grains.Interfaces.LoadManagement;
using Levity.Grains.LoadManagement.Allocation;
using Levity.Storage.LoadManagement;

namespace Levity.Grains.LoadManagement;

/// <summary>One connector of a site in one recompute: where it sits in the tree, its charger's settings and report, and what it asks for.</summary>
internal sealed record SiteConnector(
    string ChargePointId,
    int Node,
    string Group,
    ChargerLoadSettings Settings,
    PhaseSet Phases,
    ChargerLoadReport Report,
    ConnectorLoad Load,
    ConnectorDemand Demand,
    string? FixedReason);
