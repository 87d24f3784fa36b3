namespace Levity.Grains.LoadManagement;

/// <summary>How load groups share their limits (command-line flags --load-*, see docs/configuration.md).</summary>
public sealed class LoadManagementOptions
{
    /// <summary>From the first event to the recompute: events within it are handled together. At most 1 s.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// When a recompute lowers some chargers and raises others, the raises wait this long, so the
    /// lowered chargers come down first.
    /// </summary>
    public TimeSpan RaiseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a site with active cars is recomputed anyway (rotation, renewal, overdraw timing).</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When not every car can have its minimum, a charging car keeps its turn this long before a waiting one takes it.</summary>
    public TimeSpan Rotation { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A limit above the safe share lasts this long in the charger's TxProfile, then falls back to
    /// the safe share unless Levity renews it (it does at half the lease).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A car drawing less than its share keeps this much above its draw (A), to ramp back up.</summary>
    public double Margin { get; set; } = 2;

    /// <summary>Current above the allocation (A) that is not yet overdrawing.</summary>
    public double OverdrawTolerance { get; set; } = 2;

    /// <summary>How long a charger may draw more than its allocation plus the tolerance before it is flagged.</summary>
    public TimeSpan OverdrawAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A measurement taken sooner than this after a limit was raised says nothing about the car's demand yet.</summary>
    public TimeSpan Settle { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Stack level of Levity's profiles, lowered to the charger's ChargeProfileMaxStackLevel.</summary>
    public int StackLevel { get; set; }

    /// <summary>How long a site waits for a charger's grain to report when it (re)loads its groups.</summary>
    public TimeSpan ReportTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
