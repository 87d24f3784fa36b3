namespace Levity.Grains.Interfaces.LoadManagement;

/// <summary>Load management as the charger detail shows it: the site, how it is limited, its safe share and each connector's allocation with the reason.</summary>
[GenerateSerializer, Immutable, Alias("levity.ChargerLoadView")]
public sealed record ChargerLoadView(
    string Group,
    LimitCapability Capability,
    double? SafeAmps,
    IReadOnlyList<ConnectorLimit> Connectors,
    DateTimeOffset? At);
