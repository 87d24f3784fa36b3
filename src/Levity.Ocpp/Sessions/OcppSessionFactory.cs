using System.Collections.Concurrent;
using Levity.Ocpp.Diagnostics;
using Levity.Ocpp.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Levity.Ocpp.Sessions;

/// <summary>
/// Creates an <see cref="OcppSession"/> per connection. Keeps one
/// <see cref="OcppToleranceTracker"/> per charger id, so a tolerance is logged once per charger
/// even across reconnects (up to <see cref="MaxTrackedChargers"/> chargers; beyond that,
/// once per connection).
/// </summary>
public sealed class OcppSessionFactory(
    IOptions<OcppProtocolOptions> options,
    OcppMetrics metrics,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    public const int MaxTrackedChargers = 10_000;

    private readonly ConcurrentDictionary<string, OcppToleranceTracker> _trackers = new(StringComparer.Ordinal);

    public OcppSession Create(string chargePointId, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> send)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        var tracker = _trackers.Count < MaxTrackedChargers
            ? _trackers.GetOrAdd(chargePointId, _ => new OcppToleranceTracker(metrics))
            : _trackers.TryGetValue(chargePointId, out var known) ? known : new OcppToleranceTracker(metrics);
        return new OcppSession(chargePointId, options.Value, send, timeProvider, tracker, loggerFactory.CreateLogger<OcppSession>());
    }
}
