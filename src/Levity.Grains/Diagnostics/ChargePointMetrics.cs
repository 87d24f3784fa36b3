using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Levity.Grains.Diagnostics;

/// <summary>
/// The Python Levity's per-charger metrics, with its names and labels, on one meter. The state
/// (status, transactions, energy, current) is fed by ChargePointGrain, the single writer of each
/// charger's state, so it is right after a restart too: the grain restores the gauges of
/// still-open transactions when its charger reconnects. Sessions and message handling
/// (<c>ocpp_msg_handling_seconds</c>, <c>ocpp_cp_connected</c>, <c>ocpp_cp_last_msg_ts</c>,
/// <c>ocpp_cp_last_heartbeat_ts</c>, boots, disconnects) are fed by a grain-call filter around
/// the grain's calls, through <see cref="For"/>. Gauges are observed from the last values;
/// counters count events; timestamps are unix seconds.
/// </summary>
public sealed class ChargePointMetrics
{
    public const string MeterName = "Levity.ChargePoints";

    /// <summary>client_python's default buckets, which the Python version's histogram used.</summary>
    private static readonly double[] HandlingBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>An energy reading this far above the previous one in a transaction is a jump (10 kWh).</summary>
    public const double EnergyJumpWh = 10_000;

    private static readonly Dictionary<string, int> StatusCodes = new(StringComparer.Ordinal)
    {
        ["Available"] = 0,
        ["Preparing"] = 1,
        ["Charging"] = 2,
        ["SuspendedEVSE"] = 3,
        ["SuspendedEV"] = 4,
        ["Finishing"] = 5,
        ["Reserved"] = 6,
        ["Unavailable"] = 7,
        ["Faulted"] = 8,
    };

    private readonly ConcurrentDictionary<string, int> _status = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _lastTransactionAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Cp, int Connector), int> _txActive = new();
    private readonly ConcurrentDictionary<(string Cp, int Connector), double> _txEnergy = new();
    private readonly ConcurrentDictionary<(string Cp, int Connector), double> _current = new();
    private readonly ConcurrentDictionary<(string Cp, int Connector), double> _currentLimit = new();
    private readonly Counter<long> _errors;
    private readonly Counter<long> _reconnectsDuringTx;
    private readonly Counter<long> _energyJumps;
    private readonly Counter<long> _transactions;
    private readonly UpDownCounter<double> _energyTotal;
    // Keyed by grain id, as the filter sees each call: no charger id string is made per message.
    private readonly ConcurrentDictionary<GrainId, ChargerSeries> _chargers = new();
    private readonly Func<GrainId, ChargerSeries> _createSeries = id => new ChargerSeries(id.Key.ToString()!);
    private readonly Histogram<double> _handlingSeconds;
    private readonly Counter<long> _boots;
    private readonly Counter<long> _disconnects;

    public ChargePointMetrics(IMeterFactory meters, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
        var meter = meters.Create(MeterName);
        _handlingSeconds = meter.CreateHistogram("ocpp_msg_handling_seconds", "s", "Time to handle one message from a charge point, plugins included.",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = HandlingBuckets });
        _boots = meter.CreateCounter<long>("ocpp_cp_boots_total", description: "BootNotifications answered per charge point.");
        _disconnects = meter.CreateCounter<long>("ocpp_cp_disconnects_total", description: "WebSocket sessions of a charge point that closed.");
        meter.CreateObservableGauge("ocpp_cp_connected", () => ObserveSeries(c => c.Connected), description: "1 while the charge point has an open WebSocket session.");
        meter.CreateObservableGauge("ocpp_cp_last_msg_ts", () => ObserveKnown(c => c.LastMessageAt), description: "Unix time of the last message from the charge point.");
        meter.CreateObservableGauge("ocpp_cp_last_heartbeat_ts", () => ObserveKnown(c => c.LastHeartbeatAt), description: "Unix time of the last Heartbeat from the charge point.");
        meter.CreateObservableGauge("ocpp_cp_status", () => _status.Select(s => Measure(s.Value, s.Key)), description: "Last reported status: Available 0, Preparing 1, Charging 2, SuspendedEVSE 3, SuspendedEV 4, Finishing 5, Reserved 6, Unavailable 7, Faulted 8, unknown -1");
        meter.CreateObservableGauge("ocpp_cp_last_tx_ts", () => _lastTransactionAt.Select(s => Measure(s.Value, s.Key)), description: "Unix time of the last transaction start or stop");
        meter.CreateObservableGauge("ocpp_tx_active", () => _txActive.Select(s => Measure(s.Value, s.Key.Cp, s.Key.Connector)), description: "1 while a transaction is active on the connector");
        meter.CreateObservableGauge("ocpp_tx_energy_wh", () => _txEnergy.Select(s => Measure(s.Value, s.Key.Cp, s.Key.Connector)), description: "Energy of the active transaction so far (Wh)");
        meter.CreateObservableGauge("ocpp_cp_current_a", () => _current.Select(s => Measure(s.Value, s.Key.Cp, s.Key.Connector)), description: "Current.Import (A)");
        meter.CreateObservableGauge("ocpp_cp_current_limit_a", () => _currentLimit.Select(s => Measure(s.Value, s.Key.Cp, s.Key.Connector)), description: "Current.Offered (A)");
        _errors = meter.CreateCounter<long>("ocpp_cp_errors_total", description: "StatusNotifications with an error code other than NoError");
        _reconnectsDuringTx = meter.CreateCounter<long>("ocpp_cp_reconnect_during_tx_total", description: "Connections opened while a transaction was active");
        _energyJumps = meter.CreateCounter<long>("ocpp_energy_jump_total", description: "Energy readings more than 10 kWh above the previous one in a transaction");
        _transactions = meter.CreateCounter<long>("ocpp_tx_total", description: "Transactions started");
        // A gauge that only grows, as the Python version exposes it (no _total suffix).
        _energyTotal = meter.CreateUpDownCounter<double>("ocpp_cp_energy_total_wh", description: "Energy of completed transactions, orphans closed by Levity included (Wh)");
    }

    public TimeProvider TimeProvider { get; }

    public double UnixNow => TimeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>The session and message series of one charger (the grain-call filter's view).</summary>
    public ChargerSeries For(GrainId chargePoint) => _chargers.GetOrAdd(chargePoint, _createSeries);

    public void MessageHandled(ChargerSeries charger, string messageType, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(charger);
        if (_handlingSeconds.Enabled)
        {
            var tags = new TagList { { "cp_id", charger.ChargePointId }, { "message_type", messageType } };
            _handlingSeconds.Record(elapsed.TotalSeconds, tags);
        }
    }

    public void Booted(ChargerSeries charger)
    {
        ArgumentNullException.ThrowIfNull(charger);
        _boots.Add(1, Tag("cp_id", charger.ChargePointId));
    }

    public void Disconnected(ChargerSeries charger)
    {
        ArgumentNullException.ThrowIfNull(charger);
        _disconnects.Add(1, Tag("cp_id", charger.ChargePointId));
    }

    /// <summary>The status a charger's grain reloaded (no error is counted again).</summary>
    public void RestoreStatus(string chargePointId, string status) =>
        _status[chargePointId] = StatusCodes.TryGetValue(status, out var code) ? code : -1;

    public void Status(string chargePointId, string status, string errorCode)
    {
        _status[chargePointId] = StatusCodes.TryGetValue(status, out var code) ? code : -1;
        if (errorCode != "NoError")
        {
            _errors.Add(1, Tag("cp_id", chargePointId), Tag("error_type", errorCode));
        }
    }

    public void Connected(string chargePointId, IEnumerable<(int ConnectorId, double EnergyWh)> openTransactions)
    {
        var any = false;
        foreach (var (connector, energy) in openTransactions)
        {
            any = true;
            _txActive[(chargePointId, connector)] = 1;
            _txEnergy[(chargePointId, connector)] = energy;
        }

        if (any)
        {
            _reconnectsDuringTx.Add(1, Tag("cp_id", chargePointId));
        }
    }

    public void TransactionStarted(string chargePointId, int connectorId, DateTimeOffset at)
    {
        _txActive[(chargePointId, connectorId)] = 1;
        _txEnergy[(chargePointId, connectorId)] = 0;
        _lastTransactionAt[chargePointId] = at.ToUnixTimeMilliseconds() / 1000.0;
        _transactions.Add(1, Tag("cp_id", chargePointId));
    }

    /// <param name="chargePointId">The charger.</param>
    /// <param name="connectorId">The stopped transaction's connector.</param>
    /// <param name="energyWh">Its energy, added to the charger's total.</param>
    /// <param name="at">When it stopped.</param>
    /// <param name="connectorStillActive">Another transaction is still open on the connector (one
    /// restored from the database, say): the connector's gauges are left to it.</param>
    public void TransactionStopped(string chargePointId, int connectorId, long energyWh, DateTimeOffset at, bool connectorStillActive)
    {
        if (!connectorStillActive)
        {
            _txActive[(chargePointId, connectorId)] = 0;
            _txEnergy[(chargePointId, connectorId)] = 0;
            // No transaction, no current (as the Python version and the dashboard have it): the
            // last reading of a stopped session would otherwise show on an Available connector.
            if (_current.ContainsKey((chargePointId, connectorId)))
            {
                _current[(chargePointId, connectorId)] = 0;
            }
        }

        _lastTransactionAt[chargePointId] = at.ToUnixTimeMilliseconds() / 1000.0;
        _energyTotal.Add(energyWh, Tag("cp_id", chargePointId));
    }

    /// <summary>A new energy reading of an open transaction; counts a jump over the previous one.</summary>
    public void EnergyReading(string chargePointId, int connectorId, double transactionEnergyWh, double? previousReadingWh, double readingWh)
    {
        _txEnergy[(chargePointId, connectorId)] = transactionEnergyWh;
        if (previousReadingWh is { } previous && readingWh - previous > EnergyJumpWh)
        {
            _energyJumps.Add(1, Tag("cp_id", chargePointId));
        }
    }

    public void Current(string chargePointId, int connectorId, double? importA, double? offeredA)
    {
        if (importA is { } a)
        {
            _current[(chargePointId, connectorId)] = a;
        }

        if (offeredA is { } limit)
        {
            _currentLimit[(chargePointId, connectorId)] = limit;
        }
    }

    private IEnumerable<Measurement<long>> ObserveSeries(Func<ChargerSeries, long> value)
    {
        foreach (var charger in _chargers.Values)
        {
            yield return new Measurement<long>(value(charger), Tag("cp_id", charger.ChargePointId));
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
                yield return new Measurement<double>(v, Tag("cp_id", charger.ChargePointId));
            }
        }
    }

    private static Measurement<double> Measure(double value, string chargePointId) => new(value, Tag("cp_id", chargePointId));

    private static Measurement<double> Measure(double value, string chargePointId, int connectorId) =>
        new(value, Tag("cp_id", chargePointId), new KeyValuePair<string, object?>("connector_id", connectorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
