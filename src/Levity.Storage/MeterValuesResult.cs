namespace Levity.Storage;

/// <summary>
/// Result of storing a MeterValues message: rows written, and whether the transaction it named is
/// unknown for this charger (then the rows have <c>tx_id</c> NULL and an anomaly was recorded).
/// </summary>
public readonly record struct MeterValuesResult(int Stored, bool UnknownTransaction);
