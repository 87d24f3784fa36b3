namespace Levity.Storage;

/// <summary>An active transaction with its latest energy-register reading (null if none yet).</summary>
public sealed record OpenTransaction(TransactionRecord Transaction, MeterReading? LastEnergy);
