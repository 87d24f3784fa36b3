namespace Levity.Storage;

/// <summary>
/// Levity's durable store. Every write completes only after the SQLite transaction holding it has
/// committed to disk, so a caller may acknowledge the message once the returned task completes;
/// a write that was not stored fails with <see cref="StoreWriteException"/> (and only that write:
/// its batch-mates are unaffected). The token of a write only bounds the wait for queue space.
/// Reads see committed data.
/// </summary>
public interface ILevityStore
{
    /// <summary>Creates the charger's <c>cp</c> row on first contact; an existing row is left alone.</summary>
    ValueTask RecordContactAsync(string chargePointId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>WebSocket connected or disconnected.</summary>
    ValueTask RecordConnectionAsync(string chargePointId, bool connected, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>BootNotification.</summary>
    ValueTask RecordBootAsync(string chargePointId, ChargePointIdentity identity, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Heartbeat.</summary>
    ValueTask RecordHeartbeatAsync(string chargePointId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>StatusNotification (connector 0 is the charger).</summary>
    ValueTask RecordStatusAsync(string chargePointId, ConnectorStatusReport report, CancellationToken cancellationToken = default);

    /// <summary>StartTransaction; returns the new transactionId, unique across chargers and restarts.</summary>
    ValueTask<int> StartTransactionAsync(string chargePointId, TransactionStart start, CancellationToken cancellationToken = default);

    /// <summary>StopTransaction; safe to repeat.</summary>
    ValueTask<StopTransactionResult> StopTransactionAsync(string chargePointId, TransactionStop stop, CancellationToken cancellationToken = default);

    /// <summary>Closes a transaction the charger never stopped, with an estimated meterStop (Wh).</summary>
    ValueTask<StopTransactionResult> CloseOrphanAsync(string chargePointId, int transactionId, long meterStop, string reason, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>MeterValues; stored even for connector 0 or a transaction that is not this charger's.</summary>
    ValueTask<MeterValuesResult> InsertMeterValuesAsync(string chargePointId, int connectorId, int? transactionId, IReadOnlyList<MeterSample> samples, CancellationToken cancellationToken = default);

    /// <summary>Records an anomaly noticed by the caller.</summary>
    ValueTask RecordAnomalyAsync(Anomaly anomaly, CancellationToken cancellationToken = default);

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

    /// <summary>Creates or replaces an id tag (the key is case-insensitive); true when it was created.</summary>
    ValueTask<bool> PutIdTagAsync(IdTagRecord tag, CancellationToken cancellationToken = default);

    /// <summary>Deletes an id tag (case-insensitive); false when there was none.</summary>
    ValueTask<bool> DeleteIdTagAsync(string idTag, CancellationToken cancellationToken = default);

    /// <summary>A ReserveNow and the charger's answer (null: none came).</summary>
    ValueTask RecordReservationAsync(string chargePointId, ReservationRequest request, CancellationToken cancellationToken = default);

    /// <summary>An accepted CancelReservation; false when no live reservation had that id.</summary>
    ValueTask<bool> CancelReservationAsync(string chargePointId, int reservationId, CancellationToken cancellationToken = default);


    /// <summary>Marks live reservations past their expiryDate Expired; returns how many.</summary>
    ValueTask<int> ExpireReservationsAsync(CancellationToken cancellationToken = default);

    /// <summary>The earliest expiryDate of a live (Requested or Accepted) reservation; null when none is live.</summary>
    Task<DateTimeOffset?> NextReservationExpiryAsync(CancellationToken cancellationToken = default);

    /// <summary>A charging profile sent (SetChargingProfile or inside RemoteStartTransaction) and the charger's answer.</summary>
    ValueTask RecordChargingProfileAsync(string chargePointId, ChargingProfileSent profile, CancellationToken cancellationToken = default);

    /// <summary>An accepted ClearChargingProfile; returns how many active profiles it cleared.</summary>
    ValueTask<int> ClearChargingProfilesAsync(string chargePointId, ChargingProfileClear clear, CancellationToken cancellationToken = default);

    /// <summary>A firmware or diagnostics status notification.</summary>
    ValueTask RecordMaintenanceStatusAsync(string chargePointId, MaintenanceStatusKind kind, string status, DateTimeOffset at, CancellationToken cancellationToken = default);

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
