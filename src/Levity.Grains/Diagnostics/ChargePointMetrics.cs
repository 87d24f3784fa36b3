using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Levity.Grains.Diagnostics;

/// <summary>
/// The Python Levity's per-charger state metrics, fed by ChargePointGrain (the single writer of
/// each charger's state), so they are right after a restart too: the grain restores the gauges of
/// still-open transactions when its charger reconnects. Gauges are observed from the last values;
/// counters count events.
/// </summary>
public sealed class ChargePointMetrics
{
    public const string MeterName = "Levity.ChargePoints.State";

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

    public ChargePointMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
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

    private static Measurement<double> Measure(double value, string chargePointId) => new(value, Tag("cp_id", chargePointId));

    private static Measurement<double> Measure(double value, string chargePointId, int connectorId) =>
        new(value, Tag("cp_id", chargePointId), new KeyValuePair<string, object?>("connector_id", connectorId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
