namespace Levity.Grains.Interfaces.LoadManagement;

/// <summary>
/// One connector as load management sees it: its last status, its open transaction (null: none)
/// and the last Current.Import the charger measured (A, the highest phase) with when.
/// </summary>
[GenerateSerializer, Immutable, Alias("levity.ConnectorLoad")]
public sealed record ConnectorLoad(int ConnectorId, string Status, int? TransactionId, double? CurrentImport, DateTimeOffset? MeasuredAt);
