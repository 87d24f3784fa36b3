namespace Levity.Storage;

/// <summary>
/// Result of a stop: the outcome and the transaction's stored <c>energy_delivered</c> in Wh (null
/// when the transaction is unknown).
/// </summary>
public readonly record struct StopTransactionResult(StopTransactionOutcome Outcome, long? EnergyDeliveredWh);
