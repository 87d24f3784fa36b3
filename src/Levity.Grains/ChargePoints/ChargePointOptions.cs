namespace Levity.Grains.ChargePoints;

/// <summary>How ChargePointGrain answers chargers.</summary>
public sealed class ChargePointOptions
{
    /// <summary>Sent in BootNotification.conf as the heartbeat interval.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(60);
}
