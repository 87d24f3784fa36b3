using Levity.Grains.Interfaces.ChargePoints;
using Levity.Reports;

namespace Levity.Grains.ChargePoints;

public sealed partial class ChargePointGrain
{
    // Lowest and highest energy reading (Wh, as sent) of each open transaction: the evidence of
    // which meter convention this charger's MeterValues use.
    private static readonly EnergyRules ReportRules = new();

    private readonly Dictionary<int, (double Lowest, double Highest)> _energyReadings = [];
    private int _lifetimeVotes;
    private int _relativeVotes;

    /// <summary>
    /// An in-transaction energy reading (Wh, as sent) as the lifetime register, in the convention
    /// this charger uses (<see cref="MeterConventionDetector"/>, shared with the reports): a
    /// Grizzl-E's session-relative reading becomes meterStart + value, so orphan closing and the
    /// live energy use the register that Start/StopTransaction speak of.
    /// </summary>
    private double RegisterWh(ActiveTransaction open, double readingWh)
    {
        var hadVote = Vote(open);
        var (lowest, highest) = _energyReadings.TryGetValue(open.TransactionId, out var seen)
            ? (Math.Min(seen.Lowest, readingWh), Math.Max(seen.Highest, readingWh))
            : (readingWh, readingWh);
        if (_energyReadings.Count > _openTransactions.Count + 16)
        {
            // Stopped transactions leave their entry behind; drop those now and then.
            foreach (var stale in _energyReadings.Keys.Where(id => !_openTransactions.ContainsKey(id)).ToList())
            {
                _energyReadings.Remove(stale);
            }
        }

        _energyReadings[open.TransactionId] = (lowest, highest);
        var vote = Vote(open);
        if (hadVote is null && vote == MeterConvention.SessionRelative)
        {
            _relativeVotes++;
        }
        else if (hadVote is null && vote == MeterConvention.LifetimeRegister)
        {
            _lifetimeVotes++;
        }

        var convention = vote ?? MeterConventionDetector.Decide(_lifetimeVotes, _relativeVotes);
        return MeterConventionDetector.ToRegisterWh(readingWh, open.MeterStart, convention);
    }

    private MeterConvention? Vote(ActiveTransaction open) =>
        _energyReadings.TryGetValue(open.TransactionId, out var seen)
            ? MeterConventionDetector.Classify(open.MeterStart, null, seen.Lowest, seen.Highest, ReportRules.ImplausibleWh)
            : null;

}
