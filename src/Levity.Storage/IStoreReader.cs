namespace Levity.Storage;

/// <summary>
/// The reads of Levity's durable store, for the operator API, plugins and the grains' activation:
/// they see committed data, on pooled read connections beside the single writer.
/// </summary>
public interface IStoreReader
{
    /// <summary>The charger's row, connectors and open transactions; null if it never made contact.</summary>
    Task<ChargePointSnapshot?> LoadChargePointAsync(string chargePointId, CancellationToken cancellationToken = default);

    /// <summary>Every charger that ever made contact, by id.</summary>
    Task<IReadOnlyList<ChargePointRecord>> ListChargePointsAsync(CancellationToken cancellationToken = default);

    Task<TransactionRecord?> GetTransactionAsync(int transactionId, CancellationToken cancellationToken = default);

    /// <summary>Active transactions of a charger, optionally of one connector.</summary>
    Task<IReadOnlyList<TransactionRecord>> GetOpenTransactionsAsync(string chargePointId, int? connectorId = null, CancellationToken cancellationToken = default);

    /// <summary>The newest reading (no phase) of <paramref name="measurand"/> in a transaction.</summary>
    Task<MeterReading?> GetLastMeterReadingAsync(int transactionId, string measurand = MeterSample.EnergyRegister, CancellationToken cancellationToken = default);

    /// <summary>Transactions matching <paramref name="query"/>, newest start first, with the total count of matches.</summary>
    Task<TransactionPage> ListTransactionsAsync(TransactionQuery query, CancellationToken cancellationToken = default);

    /// <summary>The sampled values booked to a transaction, in time order.</summary>
    Task<IReadOnlyList<MeterValueRecord>> GetTransactionMeterValuesAsync(int transactionId, CancellationToken cancellationToken = default);

    /// <summary>Every id tag, by tag.</summary>
    Task<IReadOnlyList<IdTagRecord>> ListIdTagsAsync(CancellationToken cancellationToken = default);

    /// <summary>The earliest expiryDate of a live (Requested or Accepted) reservation; null when none is live.</summary>
    Task<DateTimeOffset?> NextReservationExpiryAsync(CancellationToken cancellationToken = default);

    /// <summary>The last firmware and diagnostics status of a charger; null if it never made contact.</summary>
    Task<MaintenanceStatus?> GetMaintenanceStatusAsync(string chargePointId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reservations, newest first, of one charger or all. A live one past its expiryDate reads as
    /// Expired even in the moment before <see cref="ReservationExpiry"/> has stored that.
    /// </summary>
    Task<IReadOnlyList<ReservationRecord>> ListReservationsAsync(string? chargePointId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Charging profiles, newest first, of one charger or all.</summary>
    Task<IReadOnlyList<ChargingProfileRecord>> ListChargingProfilesAsync(string? chargePointId, int limit, CancellationToken cancellationToken = default);
}
