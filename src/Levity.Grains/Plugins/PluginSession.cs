using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;
using Levity.Storage;

namespace Levity.Grains.Plugins;

/// <summary>What a plugin can do for one charger: read its state and records, and call it.</summary>
public class PluginSession
{
    private readonly IChargePointGrain _grain;
    private readonly IStoreReader _store;

    internal PluginSession(string chargePointId, IChargePointGrain grain, IStoreReader store)
    {
        ChargePointId = chargePointId;
        _grain = grain;
        _store = store;
    }

    public string ChargePointId { get; }

    /// <summary>The charger's live state now (connection, connectors, open transactions).</summary>
    public Task<ChargePointState> GetStateAsync() => _grain.GetState();

    /// <summary>Sends a server-initiated call and returns the charger's typed answer (bounded by --response-timeout).</summary>
    public async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request)
        where TResponse : IOcppResponse => (TResponse)await _grain.CallCharger(request);

    /// <summary>A stored transaction (open or closed) by OCPP transaction id.</summary>
    public Task<TransactionRecord?> GetTransactionAsync(int transactionId, CancellationToken cancellationToken = default) =>
        _store.GetTransactionAsync(transactionId, cancellationToken);

    /// <summary>The charger's open transactions as stored, optionally of one connector.</summary>
    public Task<IReadOnlyList<TransactionRecord>> GetOpenTransactionsAsync(int? connectorId = null, CancellationToken cancellationToken = default) =>
        _store.GetOpenTransactionsAsync(ChargePointId, connectorId, cancellationToken);

    /// <summary>The newest reading of a measurand in a transaction (default: the energy register).</summary>
    public Task<MeterReading?> GetLastMeterReadingAsync(int transactionId, string measurand = MeterSample.EnergyRegister, CancellationToken cancellationToken = default) =>
        _store.GetLastMeterReadingAsync(transactionId, measurand, cancellationToken);
}
