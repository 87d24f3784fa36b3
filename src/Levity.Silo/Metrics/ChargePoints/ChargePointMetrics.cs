using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Levity.Silo.Metrics.ChargePoints;

/// <summary>
/// The Python Levity's per-charger metrics, with its names and labels, on the
/// "Levity.ChargePoints" meter: <c>ocpp_msg_handling_seconds{cp_id,message_type}</c>,
/// <c>ocpp_cp_connected{cp_id}</c>, <c>ocpp_cp_last_msg_ts{cp_id}</c>,
/// <c>ocpp_cp_last_heartbeat_ts{cp_id}</c>, <c>ocpp_cp_boots_total{cp_id}</c> and
/// <c>ocpp_cp_disconnects_total{cp_id}</c>. Timestamps are unix seconds.
/// </summary>
internal sealed class ChargePointMetrics
{
    public const string MeterName = "Levity.ChargePoints";

    /// <summary>client_python's default buckets, which the Python version's histogram used.</summary>
    private static readonly double[] HandlingBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly ConcurrentDictionary<string, ChargerSeries> _chargers = new(StringComparer.Ordinal);
    private readonly Func<string, ChargerSeries> _create = id => new ChargerSeries(id);
    private readonly Histogram<double> _handlingSeconds;
    private readonly Counter<long> _boots;
    private readonly Counter<long> _disconnects;

    public ChargePointMetrics(IMeterFactory meterFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
        var meter = meterFactory.Create(MeterName);
        _handlingSeconds = meter.CreateHistogram("ocpp_msg_handling_seconds", "s", "Time to handle one message from a charge point, plugins included.",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = HandlingBuckets });
        _boots = meter.CreateCounter<long>("ocpp_cp_boots_total", description: "BootNotifications answered per charge point.");
        _disconnects = meter.CreateCounter<long>("ocpp_cp_disconnects_total", description: "WebSocket sessions of a charge point that closed.");
        meter.CreateObservableGauge("ocpp_cp_connected", () => Observe(c => c.Connected), description: "1 while the charge point has an open WebSocket session.");
        meter.CreateObservableGauge("ocpp_cp_last_msg_ts", () => ObserveKnown(c => c.LastMessageAt), description: "Unix time of the last message from the charge point.");
        meter.CreateObservableGauge("ocpp_cp_last_heartbeat_ts", () => ObserveKnown(c => c.LastHeartbeatAt), description: "Unix time of the last Heartbeat from the charge point.");
    }

    public TimeProvider TimeProvider { get; }

    public double UnixNow => TimeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    public ChargerSeries For(string chargePointId) => _chargers.GetOrAdd(chargePointId, _create);

    public void MessageHandled(ChargerSeries charger, string messageType, TimeSpan elapsed)
    {
        if (_handlingSeconds.Enabled)
        {
            var tags = new TagList { { "cp_id", charger.ChargePointId }, { "message_type", messageType } };
            _handlingSeconds.Record(elapsed.TotalSeconds, tags);
        }
    }

    public void Booted(ChargerSeries charger) => _boots.Add(1, new KeyValuePair<string, object?>("cp_id", charger.ChargePointId));

    public void Disconnected(ChargerSeries charger) => _disconnects.Add(1, new KeyValuePair<string, object?>("cp_id", charger.ChargePointId));

    private IEnumerable<Measurement<long>> Observe(Func<ChargerSeries, long> value)
    {
        foreach (var charger in _chargers.Values)
        {
            yield return new Measurement<long>(value(charger), new KeyValuePair<string, object?>("cp_id", charger.ChargePointId));
        }
    }

    /// <summary>Chargers that have not sent the message yet have no sample, rather than a 1970 timestamp.</summary>
    private IEnumerable<Measurement<double>> ObserveKnown(Func<ChargerSeries, double> value)
    {
        foreach (var charger in _chargers.Values)
        {
            var v = value(charger);
            if (!double.IsNaN(v))
            {
                yield return new Measurement<double>(v, new KeyValuePair<string, object?>("cp_id", charger.ChargePointId));
            }
        }
    }
}
