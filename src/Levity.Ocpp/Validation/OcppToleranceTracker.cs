using Levity.Ocpp.Diagnostics;

namespace Levity.Ocpp.Validation;

/// <summary>
/// Remembers which tolerances one charger has needed, so each is logged once per charger, and
/// counts every use in <see cref="OcppMetrics"/>. Keep one per charger (not per connection) to
/// log once across reconnects; <see cref="Sessions.OcppSessionFactory"/> does. Thread-safe.
/// </summary>
public sealed class OcppToleranceTracker(OcppMetrics? metrics = null)
{
    private int _seen;

    /// <summary>Everything this charger has needed so far.</summary>
    public OcppTolerance Seen => (OcppTolerance)Volatile.Read(ref _seen);

    /// <summary>
    /// Records the tolerances one message needed and returns those this charger needed for the
    /// first time: the ones to log now.
    /// </summary>
    public OcppTolerance Record(OcppTolerance tolerances)
    {
        if (tolerances == OcppTolerance.None)
        {
            return OcppTolerance.None;
        }

        metrics?.RecordTolerances(tolerances);
        var before = (OcppTolerance)Interlocked.Or(ref _seen, (int)tolerances);
        return tolerances & ~before;
    }
}
