namespace Levity.Grains.Interfaces.LoadManagement;

/// <summary>
/// What a charger's grain tells its load group: whether it is connected, how it can be limited
/// (with the lowest current its adapter can set, 0 when none) and its connectors.
/// </summary>
[GenerateSerializer, Immutable, Alias("levity.ChargerLoadReport")]
public sealed record ChargerLoadReport(
    string ChargePointId,
    bool Connected,
    LimitCapability Capability,
    double AdapterMinAmps,
    IReadOnlyList<ConnectorLoad> Connectors);
