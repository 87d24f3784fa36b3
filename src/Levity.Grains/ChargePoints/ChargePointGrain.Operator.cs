using Levity.Grains.Interfaces.ChargePoints;
using Microsoft.Extensions.Logging;

namespace Levity.Grains.ChargePoints;

public sealed partial class ChargePointGrain
{
    public async Task<bool> CloseTransaction(int transactionId, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        if (!_openTransactions.ContainsKey(transactionId) && !await AdoptOpenTransactionAsync(transactionId))
        {
            return false;
        }

        var closed = await CloseOrphansAsync(connectorId: null, reason, except: t => t.TransactionId != transactionId, CancellationToken.None);
        return closed.Any(c => c.TransactionId == transactionId);
    }

    /// <summary>
    /// The open set is loaded at activation, so a transaction Active in the database but missing
    /// here was written behind the grain's back (SQL by hand, the Python version). It is still this
    /// charger's money: take it into the open set with its last reading, so it is closed on the
    /// same path (and with the same estimate) as any orphan.
    /// </summary>
    private async Task<bool> AdoptOpenTransactionAsync(int transactionId)
    {
        var stored = await records.GetTransactionAsync(transactionId);
        if (stored is not { IsActive: true } tx || tx.ChargePointId != _id)
        {
            return false;
        }

        var last = await records.GetLastMeterReadingAsync(transactionId);
        var active = new ActiveTransaction(
            tx.Id, tx.ConnectorId ?? 0, tx.IdTag, tx.StartTime ?? DateTimeOffset.MinValue, tx.MeterStart, null, last?.Timestamp);
        // As at activation: the reading is read in this charger's meter convention (Grizzl-E).
        _openTransactions[tx.Id] = last is { } e
            ? active with { LastEnergyWh = RegisterWh(active, MeterSamples.ToWattHours(e.Value, e.Unit)) }
            : active;
        OperatorLog.Adopted(logger, _id, transactionId);
        return true;
    }

    private static partial class OperatorLog
    {
        [LoggerMessage(EventId = 340, Level = LogLevel.Warning, Message = "Charger {ChargePointId}: transaction {TransactionId} is Active in the database but was not open in the grain; closing it from the stored row")]
        public static partial void Adopted(ILogger logger, string chargePointId, int transactionId);
    }
}
