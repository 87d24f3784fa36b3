namespace Levity.Reports;

/// <summary>
/// Decides which <see cref="MeterConvention"/> a charger's MeterValues use, from its own data.
/// The one place both the charger grain (orphan closing, live energy) and the reports use, so the
/// server and the bill read the same reading the same way.
/// </summary>
public static class MeterConventionDetector
{
    /// <summary>Meters round (kWh with two decimals is 10 Wh); readings this close to a bound still fit it.</summary>
    public const double DefaultToleranceWh = 50;

    /// <summary>
    /// Judges one transaction from the lowest and highest energy reading it sent (Wh, as sent).
    /// Lifetime readings lie between meterStart and meterStop; session-relative ones between 0 and
    /// the session's energy (meterStop − meterStart, or <paramref name="maxSessionWh"/> while
    /// meterStop is unknown). Returns null when both fit (meterStart near 0: a young meter, where
    /// the two readings barely differ) or neither does (readings that fit no convention).
    /// </summary>
    public static MeterConvention? Classify(
        long meterStart,
        long? meterStop,
        double lowestWh,
        double highestWh,
        double maxSessionWh,
        double toleranceWh = DefaultToleranceWh)
    {
        var lifetime = lowestWh >= meterStart - toleranceWh
            && (meterStop is not { } stop || highestWh <= stop + toleranceWh);
        var sessionWh = meterStop is { } end && end >= meterStart ? end - meterStart : maxSessionWh;
        var relative = lowestWh >= -toleranceWh && highestWh <= sessionWh + toleranceWh;
        return (lifetime, relative) switch
        {
            (true, false) => MeterConvention.LifetimeRegister,
            (false, true) => MeterConvention.SessionRelative,
            _ => null,
        };
    }

    /// <summary>
    /// A charger's convention from the votes of its transactions: the majority; the OCPP standard
    /// (lifetime register) on a tie or without votes.
    /// </summary>
    public static MeterConvention Decide(int lifetimeVotes, int relativeVotes) =>
        relativeVotes > lifetimeVotes ? MeterConvention.SessionRelative : MeterConvention.LifetimeRegister;

    /// <summary>A reading (Wh, as sent) as the lifetime register value.</summary>
    public static double ToRegisterWh(double readingWh, long meterStart, MeterConvention convention) =>
        convention == MeterConvention.SessionRelative ? meterStart + readingWh : readingWh;
}
