namespace Levity.Reports;

/// <summary>The thresholds of the billing rules; every default lives here.</summary>
public sealed record EnergyRules
{
    /// <summary>A session delivering more than this (Wh) is implausible for one car: flagged, not billed.</summary>
    public double ImplausibleWh { get; init; } = 200_000;

    /// <summary>Slack when matching readings to a meter convention (see <see cref="MeterConventionDetector"/>).</summary>
    public double ConventionToleranceWh { get; init; } = MeterConventionDetector.DefaultToleranceWh;
}
