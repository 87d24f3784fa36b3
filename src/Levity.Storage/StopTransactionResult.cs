namespace Levity.Storage;

/// <summary>
/// Result of a stop: the outcome and the transaction's stored <c>energy_delivered</c> in Wh (null
/// when the transaction is unknown). <see cref="NegativeEnergy"/>: meterStop was below meterStart,
/// so 0 was stored and a NegativeEnergy anomaly recorded.
/// </summary>
public readonly record struct StopTransactionResult(StopTransactionOutcome Outcome, long? EnergyDeliveredWh, bool NegativeEnergy = false);
