namespace Levity.Grains.Interfaces.LoadManagement;

/// <summary>The current (A per phase) one connector may draw now, 0 when paused, and why.</summary>
[GenerateSerializer, Immutable, Alias("levity.ConnectorLimit")]
public sealed record ConnectorLimit(int ConnectorId, double Amps, string Reason);
