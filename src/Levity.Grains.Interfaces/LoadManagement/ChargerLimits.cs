namespace Levity.Grains.Interfaces.LoadManagement;

/// <summary>
/// What a load group asks of one charger: the limit of each managed connector with a transaction,
/// the safe share it holds as its default profile (for when Levity is gone), the number of phases
/// it is wired to, and how long a limit above the safe share may last without being renewed.
/// </summary>
[GenerateSerializer, Immutable, Alias("levity.ChargerLimits")]
public sealed record ChargerLimits(
    string Group,
    DateTimeOffset At,
    double SafeAmps,
    int Phases,
    TimeSpan Lease,
    IReadOnlyList<ConnectorLimit> Connectors);
