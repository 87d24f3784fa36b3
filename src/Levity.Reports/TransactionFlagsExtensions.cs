namespace Levity.Reports;

public static class TransactionFlagsExtensions
{
    /// <summary>Flags that make a transaction count as flagged under every report.</summary>
    public const TransactionFlags Attention = TransactionFlags.Open | TransactionFlags.Estimated | TransactionFlags.NoReadings
        | TransactionFlags.Negative | TransactionFlags.Implausible | TransactionFlags.InconsistentReadings;

    /// <summary>Flags whose transaction is shown but not billed.</summary>
    public const TransactionFlags NotBilled = TransactionFlags.Negative | TransactionFlags.Implausible;

    public static bool NeedsAttention(this TransactionFlags flags) => (flags & Attention) != 0;

    /// <summary>The set flags as names (kebab-case, stable: spreadsheets filter on them).</summary>
    public static IReadOnlyList<string> Names(this TransactionFlags flags)
    {
        var names = new List<string>();
        foreach (var flag in Enum.GetValues<TransactionFlags>())
        {
            if (flag != TransactionFlags.None && flags.HasFlag(flag))
            {
                names.Add(Name(flag));
            }
        }

        return names;
    }

    private static string Name(TransactionFlags flag) => flag switch
    {
        TransactionFlags.Open => "open",
        TransactionFlags.Estimated => "estimated",
        TransactionFlags.NoReadings => "no-readings",
        TransactionFlags.Negative => "negative",
        TransactionFlags.Implausible => "implausible",
        TransactionFlags.InconsistentReadings => "inconsistent-readings",
        TransactionFlags.Split => "split",
        TransactionFlags.AttributedToStart => "attributed-to-start",
        TransactionFlags.SessionRelativeMeter => "session-relative-meter",
        _ => flag.ToString(),
    };
}
