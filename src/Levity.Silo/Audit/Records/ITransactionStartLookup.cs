namespace Levity.Silo.Audit.Records;

/// <summary>
/// Where the audit finds a transaction's meterStart when it did not see the StartTransaction
/// itself (it began before a restart, or its records were dropped): the store.
/// </summary>
public interface ITransactionStartLookup
{
    /// <summary>The transaction's meterStart in Wh; null when the store has no such transaction of that charger.</summary>
    ValueTask<long?> GetMeterStartAsync(string chargePointId, int transactionId, CancellationToken cancellationToken);
}
