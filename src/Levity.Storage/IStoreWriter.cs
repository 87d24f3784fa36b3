namespace Levity.Storage;

/// <summary>
/// The writes of Levity's durable store, for the grains (each charger's grain is the single
/// writer of its rows) and the operator's id-tag edits. Every write completes only after the
/// SQLite transaction holding it has committed to disk, so a caller may acknowledge the message
/// once the returned task completes; a write that was not stored fails with
/// <see cref="StoreWriteException"/> (and only that write: its batch-mates are unaffected). The
/// token of a write only bounds the wait for queue space.
/// </summary>
public interface IStoreWriter
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

    /// <summary>A charging profile sent (SetChargingProfile or inside RemoteStartTransaction) and the charger's answer.</summary>
    ValueTask RecordChargingProfileAsync(string chargePointId, ChargingProfileSent profile, CancellationToken cancellationToken = default);

    /// <summary>An accepted ClearChargingProfile; returns how many active profiles it cleared.</summary>
    ValueTask<int> ClearChargingProfilesAsync(string chargePointId, ChargingProfileClear clear, CancellationToken cancellationToken = default);

    /// <summary>A firmware or diagnostics status notification.</summary>
    ValueTask RecordMaintenanceStatusAsync(string chargePointId, MaintenanceStatusKind kind, string status, DateTimeOffset at, CancellationToken cancellationToken = default);
}
