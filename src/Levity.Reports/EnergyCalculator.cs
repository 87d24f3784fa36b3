using Levity.Storage.Reports;
namespace Levity.Reports;

/// <summary>
/// The billing rules, applied to transactions read from the database (README, "Reports"):
/// energy is meterStop − meterStart; open and server-closed transactions end at their last
/// reading; negative and implausible deltas are shown, not billed; a transaction spanning a
/// boundary of the period is split there by interpolating the register between the nearest
/// points around it; readings are read in the charger's meter convention.
/// </summary>
public static class EnergyCalculator
{
    /// <summary>The transactions that count in <paramref name="period"/>, each with its energy; others are left out.</summary>
    public static IReadOnlyList<TransactionEnergy> Calculate(IEnumerable<RecordedTransaction> transactions, ReportPeriod period, EnergyRules rules)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(rules);
        var all = transactions.ToList();

        // A transaction whose readings fit one convention decides for itself; the others (a young
        // meter, where both fit) follow the majority of their charger's transactions.
        var own = new Dictionary<int, MeterConvention?>();
        var votes = new Dictionary<string, (int Lifetime, int Relative)>(StringComparer.Ordinal);
        foreach (var t in all)
        {
            var vote = Vote(t, rules);
            own[t.Id] = vote;
            var (lifetime, relative) = votes.GetValueOrDefault(t.ChargePointId);
            votes[t.ChargePointId] = vote switch
            {
                MeterConvention.LifetimeRegister => (lifetime + 1, relative),
                MeterConvention.SessionRelative => (lifetime, relative + 1),
                _ => (lifetime, relative),
            };
        }

        var counted = new List<TransactionEnergy>();
        foreach (var t in all)
        {
            var (lifetime, relative) = votes[t.ChargePointId];
            var convention = own[t.Id] ?? MeterConventionDetector.Decide(lifetime, relative);
            if (Count(t, convention, period, rules) is { } energy)
            {
                counted.Add(energy);
            }
        }

        return counted;
    }

    private static MeterConvention? Vote(RecordedTransaction t, EnergyRules rules)
    {
        if (t.FirstReading is not { } first || t.LastReading is not { } last)
        {
            return null;
        }

        // An estimated meterStop came from these very readings, so it proves nothing.
        var meterStop = t.IsOpen || t.ClosedByServer ? null : t.MeterStop;
        return MeterConventionDetector.Classify(
            t.MeterStart, meterStop, Math.Min(first.Wh, last.Wh), Math.Max(first.Wh, last.Wh), rules.ImplausibleWh, rules.ConventionToleranceWh);
    }

    private static TransactionEnergy? Count(RecordedTransaction t, MeterConvention convention, ReportPeriod period, EnergyRules rules)
    {
        var flags = convention == MeterConvention.SessionRelative ? TransactionFlags.SessionRelativeMeter : TransactionFlags.None;
        MeterPoint? Register(MeterPoint? p) => p is { } x ? x with { Wh = MeterConventionDetector.ToRegisterWh(x.Wh, t.MeterStart, convention) } : null;

        var start = new MeterPoint(t.Start, t.MeterStart);
        MeterPoint end;
        if (!t.IsOpen && !t.ClosedByServer && t.MeterStop is { } meterStop)
        {
            end = new MeterPoint(t.Stop ?? t.Start, meterStop);
        }
        else
        {
            flags |= t.IsOpen ? TransactionFlags.Open : TransactionFlags.Estimated;
            if (Register(t.LastReading) is { } last)
            {
                end = last.At < t.Start ? last with { At = t.Start } : last;
            }
            else
            {
                flags |= TransactionFlags.NoReadings;
                end = t.MeterStop is { } stored && !t.IsOpen ? new MeterPoint(t.Stop ?? t.Start, stored) : start;
            }
        }

        var meterEnd = (long)Math.Round(end.Wh);
        var delta = meterEnd - t.MeterStart;
        var startsHere = period.Contains(t.Start);
        var energy = new TransactionEnergy
        {
            Transaction = t,
            Household = string.IsNullOrEmpty(t.Label) ? t.IdTag : t.Label,
            MeterEnd = meterEnd,
            DeltaWh = delta,
            Convention = convention,
        };

        if (delta < 0 || delta > rules.ImplausibleWh)
        {
            flags |= delta < 0 ? TransactionFlags.Negative : TransactionFlags.Implausible;
            return startsHere ? energy with { UnbilledWh = delta, Flags = flags } : null;
        }

        var spansFrom = start.At < period.From && end.At > period.From;
        var spansTo = start.At < period.To && end.At > period.To;
        if (!spansFrom && !spansTo)
        {
            return startsHere ? energy with { BilledWh = delta, Flags = flags } : null;
        }

        var low = spansFrom ? Interpolate(t, period.From, start, end, Register) : t.MeterStart;
        var high = spansTo ? Interpolate(t, period.To, start, end, Register) : meterEnd;
        var tolerance = rules.ConventionToleranceWh;
        if (low is not { } lowWh || high is not { } highWh
            || lowWh < t.MeterStart - tolerance || highWh > meterEnd + tolerance || lowWh > highWh)
        {
            flags |= TransactionFlags.InconsistentReadings | TransactionFlags.AttributedToStart;
            return startsHere ? energy with { BilledWh = delta, Flags = flags } : null;
        }

        // Rounding the register at the boundary (not the part) makes the parts of consecutive
        // periods add up to the whole delta exactly.
        var billed = Math.Clamp(highWh, t.MeterStart, meterEnd) - Math.Clamp(lowWh, t.MeterStart, meterEnd);
        return energy with { BilledWh = billed, Flags = flags | TransactionFlags.Split };
    }

    /// <summary>The register at <paramref name="boundary"/>, rounded to Wh, between the nearest points on each side.</summary>
    private static long? Interpolate(RecordedTransaction t, DateTimeOffset boundary, MeterPoint start, MeterPoint end, Func<MeterPoint?, MeterPoint?> register)
    {
        MeterPoint?[] candidates = [start, end, register(t.BeforeFrom), register(t.AfterFrom), register(t.BeforeTo), register(t.AfterTo)];
        MeterPoint? below = null;
        MeterPoint? above = null;
        foreach (var candidate in candidates)
        {
            if (candidate is not { } p || p.At < start.At || p.At > end.At)
            {
                continue;
            }

            if (p.At <= boundary && (below is null || p.At > below.Value.At))
            {
                below = p;
            }

            if (p.At >= boundary && (above is null || p.At < above.Value.At))
            {
                above = p;
            }
        }

        if (below is not { } b || above is not { } a)
        {
            return null;
        }

        if (a.At == b.At)
        {
            return (long)Math.Round(b.Wh);
        }

        var fraction = (boundary - b.At) / (a.At - b.At);
        return (long)Math.Round(b.Wh + ((a.Wh - b.Wh) * fraction));
    }
}
