using Levity.Storage.Reports;
namespace Levity.Reports;

/// <summary>
/// Energy and transaction reports straight from a database file (see <see cref="ReportDatabase"/>),
/// for the CLI and the operator API alike.
/// </summary>
public static class EnergyReporter
{
    public static async Task<TransactionReport> TransactionsAsync(string databasePath, ReportPeriod period, EnergyRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(rules);
        if (period.From >= period.To)
        {
            throw new ArgumentException("the period must start before it ends", nameof(period));
        }

        await using var database = await ReportDatabase.OpenAsync(databasePath, cancellationToken);
        var recorded = await database.ReadTransactionsAsync(new ReportWindow(period.From, period.To), cancellationToken);
        var notes = new List<string>();
        if (!database.HasLabels)
        {
            notes.Add("this database has no id_tag table (schema before version 5): every tag is its own household");
        }

        if (!database.HasAnomalies)
        {
            notes.Add("this database has no anomaly table (schema before version 3): transactions closed by the server cannot be told apart");
        }

        return new TransactionReport(period, EnergyCalculator.Calculate(recorded, period, rules), notes);
    }

    public static async Task<EnergyReport> EnergyAsync(string databasePath, ReportPeriod period, ReportGrouping by, EnergyRules rules, CancellationToken cancellationToken)
    {
        var transactions = await TransactionsAsync(databasePath, period, rules, cancellationToken);
        return Summarize(transactions, by);
    }

    /// <summary>Groups counted transactions into rows; the total is the sum of the rows.</summary>
    public static EnergyReport Summarize(TransactionReport transactions, ReportGrouping by)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var groups = new Dictionary<string, List<TransactionEnergy>>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in transactions.Transactions)
        {
            var (key, name) = GroupOf(t, by);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                names[key] = name;
            }

            list.Add(t);
        }

        var rows = groups
            .Select(g => new EnergyReportRow(
                names[g.Key],
                [.. g.Value.Select(t => t.Transaction.IdTag).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
                [.. g.Value.Select(t => t.Transaction.ChargePointId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                g.Value.Count,
                g.Value.Count(t => t.Flags.NeedsAttention()),
                g.Value.Sum(t => t.BilledWh),
                g.Value.Sum(t => t.UnbilledWh)))
            .OrderBy(r => r.Group, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Group, StringComparer.Ordinal)
            .ToList();
        return new EnergyReport(
            transactions.Period,
            by,
            rows,
            rows.Sum(r => r.BilledWh),
            rows.Sum(r => r.UnbilledWh),
            transactions.Transactions,
            transactions.Notes);
    }

    // A label and an unlabeled tag of the same spelling stay apart: keys carry their kind.
    private static (string Key, string Name) GroupOf(TransactionEnergy t, ReportGrouping by) => by switch
    {
        ReportGrouping.Household when !string.IsNullOrEmpty(t.Transaction.Label) => ("label:" + t.Transaction.Label, t.Transaction.Label),
        ReportGrouping.Household or ReportGrouping.IdTag => ("tag:" + t.Transaction.IdTag.ToUpperInvariant(), t.Transaction.IdTag),
        ReportGrouping.ChargePoint => ("cp:" + t.Transaction.ChargePointId, t.Transaction.ChargePointId),
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, null),
    };
}
