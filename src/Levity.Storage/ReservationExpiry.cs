using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Levity.Storage;

/// <summary>
/// Stores the expiry of reservations when their expiryDate passes, so <c>reservation.state</c> is
/// right for SQL readers too. It wakes at the earliest live expiry, or every
/// <see cref="Recheck"/> to notice reservations recorded meanwhile; a check is one index lookup,
/// and nothing is written until something expires.
/// </summary>
public sealed partial class ReservationExpiry(IStoreWriter store, IStoreReader records, TimeProvider time, ILogger<ReservationExpiry> logger) : BackgroundService
{
    /// <summary>The longest a newly recorded reservation waits to be noticed.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Recheck;
            try
            {
                var next = await records.NextReservationExpiryAsync(stoppingToken);
                var now = time.GetUtcNow();
                if (next is { } due && due <= now)
                {
                    var expired = await store.ExpireReservationsAsync(stoppingToken);
                    Log.Expired(logger, expired);
                    continue;
                }

                if (next is { } later && later - now < wait)
                {
                    wait = later - now;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is StoreWriteException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                // The store is stopping or the disk failed; try again later, the charger path reports its own errors.
                Log.Failed(logger, e);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "{Count} reservation(s) expired")]
        public static partial void Expired(ILogger logger, int count);

        [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Reservation expiry could not be checked or stored; retrying")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
