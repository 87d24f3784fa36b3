using Levity.Storage.Reading;
using Levity.Storage.Sql;
using Levity.Storage.Writer.Operations;

namespace Levity.Storage;

public sealed partial class LevityStore
{
    private RecordReader? _recordReader;

    private RecordReader Records => _recordReader ??= new RecordReader(StoreConnections.ReaderConnectionString(_options));

    public ValueTask RecordReservationAsync(string chargePointId, ReservationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        ArgumentNullException.ThrowIfNull(request);
        return Writer.EnqueueAsync(new RecordReservationOperation(chargePointId, request), cancellationToken);
    }

    public ValueTask<bool> CancelReservationAsync(string chargePointId, int reservationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        return Writer.EnqueueAsync<bool>(new CancelReservationOperation(chargePointId, reservationId), cancellationToken);
    }

    public ValueTask<int> ExpireReservationsAsync(CancellationToken cancellationToken = default) =>
        Writer.EnqueueAsync(new ExpireReservationsOperation(), cancellationToken);

    public ValueTask RecordChargingProfileAsync(string chargePointId, ChargingProfileSent profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        ArgumentNullException.ThrowIfNull(profile);
        return Writer.EnqueueAsync(new RecordChargingProfileOperation(chargePointId, profile), cancellationToken);
    }

    public ValueTask<int> ClearChargingProfilesAsync(string chargePointId, ChargingProfileClear clear, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        ArgumentNullException.ThrowIfNull(clear);
        return Writer.EnqueueAsync(new ClearChargingProfilesOperation(chargePointId, clear), cancellationToken);
    }

    public ValueTask RecordMaintenanceStatusAsync(string chargePointId, MaintenanceStatusKind kind, string status, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        ArgumentNullException.ThrowIfNull(status);
        return Writer.EnqueueAsync(new RecordMaintenanceStatusOperation(chargePointId, kind, status, at), cancellationToken);
    }

    public Task<MaintenanceStatus?> GetMaintenanceStatusAsync(string chargePointId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        return Records.GetMaintenanceStatusAsync(chargePointId, cancellationToken);
    }

    public Task<IReadOnlyList<ReservationRecord>> ListReservationsAsync(string? chargePointId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Records.ListReservationsAsync(chargePointId, limit, SqlTime.ToIso(_timeProvider.GetUtcNow()), cancellationToken);
    }

    public Task<DateTimeOffset?> NextReservationExpiryAsync(CancellationToken cancellationToken = default) =>
        Records.NextReservationExpiryAsync(cancellationToken);

    public Task<IReadOnlyList<ChargingProfileRecord>> ListChargingProfilesAsync(string? chargePointId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Records.ListChargingProfilesAsync(chargePointId, limit, cancellationToken);
    }
}
