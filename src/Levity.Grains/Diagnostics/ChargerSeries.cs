namespace Levity.Grains.Diagnostics;

/// <summary>
/// The per-charger values behind the observable gauges. Written only from the charger's own grain
/// turns (one at a time), read by scrapes; Volatile keeps a scrape from seeing a torn or stale value.
/// </summary>
public sealed class ChargerSeries(string chargePointId)
{
    private double _lastMessageAt = double.NaN;
    private double _lastHeartbeatAt = double.NaN;
    private long _connected;
    private long _generation = -1;
    private long _newest = -1;

    public string ChargePointId { get; } = chargePointId;

    public double LastMessageAt
    {
        get => Volatile.Read(ref _lastMessageAt);
        set => Volatile.Write(ref _lastMessageAt, value);
    }

    public double LastHeartbeatAt
    {
        get => Volatile.Read(ref _lastHeartbeatAt);
        set => Volatile.Write(ref _lastHeartbeatAt, value);
    }

    public long Connected => Volatile.Read(ref _connected);

    /// <summary>A session opened; one older than the newest seen (its grain call overtaken by its successor's) is ignored.</summary>
    public void SessionOpened(long generation)
    {
        if (generation < _newest)
        {
            return;
        }

        _newest = generation;
        _generation = generation;
        Volatile.Write(ref _connected, 1);
    }

    /// <summary>
    /// Mirrors the grain: a replaced session's late close does not mark the charger disconnected,
    /// and a session closes once (true only the first time, so a disconnect is counted once).
    /// </summary>
    public bool SessionClosed(long generation)
    {
        if (generation != _generation)
        {
            return false;
        }

        _generation = -1;
        Volatile.Write(ref _connected, 0);
        return true;
    }
}
