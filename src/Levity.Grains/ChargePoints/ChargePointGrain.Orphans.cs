using Levity.Grains.Interfaces.ChargePoints;
using Levity.Storage;

namespace Levity.Grains.ChargePoints;

public sealed partial class ChargePointGrain
{
    /// <summary>
    /// Closes open transactions the charger will never stop (all of them, or those on one
    /// connector): meterStop is the last energy reading (meterStart without one), so the energy
    /// delivered until the reading is billed. The reading is already the lifetime register in the
    /// charger's meter convention (<see cref="RegisterWh"/>): a Grizzl-E's session-relative value
    /// would otherwise close the transaction with a meterStop far below meterStart. Closed on a
    /// BootNotification (all, reason Reboot), before a StartTransaction (those on its connector,
    /// reason Other) and by an operator. Returns the closed transactions with their energy.
    /// </summary>
    private async Task<IReadOnlyList<(int TransactionId, long EnergyWh)>> CloseOrphansAsync(int? connectorId, string reason, Func<ActiveTransaction, bool>? except, CancellationToken cancellationToken)
    {
        var closed = new List<(int, long)>();
        foreach (var open in _openTransactions.Values.Where(t => (connectorId is null || t.ConnectorId == connectorId) && except?.Invoke(t) != true).ToList())
        {
            var meterStop = open.LastEnergyWh is { } wh ? (long)Math.Round(wh) : open.MeterStart;
            var result = await store.CloseOrphanAsync(_id, open.TransactionId, meterStop, reason, time.GetUtcNow(), cancellationToken);
            _openTransactions.Remove(open.TransactionId);
            _energyReadings.Remove(open.TransactionId);
            if (result.Outcome == StopTransactionOutcome.Stopped)
            {
                var energy = result.EnergyDeliveredWh ?? (meterStop - open.MeterStart);
                closed.Add((open.TransactionId, energy));
                stateMetrics.TransactionStopped(_id, open.ConnectorId, energy, time.GetUtcNow(), HasOpenTransaction(open.ConnectorId));
                Log.OrphanClosed(logger, _id, open.TransactionId, open.ConnectorId, reason, meterStop, energy);
            }
        }

        return closed;
    }

    /// <summary>Whether a transaction is still open on the connector (after one of its transactions closed).</summary>
    private bool HasOpenTransaction(int connectorId)
    {
        foreach (var open in _openTransactions.Values)
        {
            if (open.ConnectorId == connectorId)
            {
                return true;
            }
        }

        return false;
    }
}
