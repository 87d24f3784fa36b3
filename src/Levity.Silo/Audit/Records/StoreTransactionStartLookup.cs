using Levity.Storage;

namespace Levity.Silo.Audit.Records;

/// <summary>Reads meterStart from the transaction's <c>tx</c> row (a committed read, off the OCPP path).</summary>
public sealed class StoreTransactionStartLookup(IStoreReader store) : ITransactionStartLookup
{
    public async ValueTask<long?> GetMeterStartAsync(string chargePointId, int transactionId, CancellationToken cancellationToken)
    {
        var transaction = await store.GetTransactionAsync(transactionId, cancellationToken);
        return transaction is not null && string.Equals(transaction.ChargePointId, chargePointId, StringComparison.Ordinal)
            ? transaction.MeterStart
            : null;
    }
}
