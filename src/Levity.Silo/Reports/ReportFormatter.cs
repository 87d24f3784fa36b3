using System.Text;
using System.Text.Json;
using Levity.Reports;

namespace Levity.Silo.Reports;

/// <summary>
/// Reports as text: a terminal table, RFC 4180 CSV or JSON. Every format ends with the total and
/// the number of flagged transactions (CSV in a last "(total)" record, so a spreadsheet keeps it).
/// </summary>
internal static class ReportFormatter
{
    public const string TotalLabel = "(total)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Energy(EnergyReport report, string format)
    {
        ArgumentNullException.ThrowIfNull(report);
        return format switch
        {
            "csv" => EnergyCsv(report),
            "json" => JsonSerializer.Serialize(ReportDocuments.Energy(report), Json) + Environment.NewLine,
            _ => EnergyTable(report),
        };
    }

    public static string Transactions(TransactionReport report, string format)
    {
        ArgumentNullException.ThrowIfNull(report);
        return format switch
        {
            "csv" => TransactionsCsv(report),
            "json" => JsonSerializer.Serialize(ReportDocuments.Transactions(report), Json) + Environment.NewLine,
            _ => TransactionsTable(report),
        };
    }

    private static string EnergyCsv(EnergyReport report)
    {
        var csv = new StringBuilder();
        csv.Append(CsvWriter.Record(["group", "id_tags", "charge_points", "transactions", "flagged", "kwh", "unbilled_kwh"]));
        foreach (var row in report.Rows)
        {
            csv.Append(CsvWriter.Record([
                row.Group, string.Join(' ', row.IdTags), string.Join(' ', row.ChargePoints), ReportText.Number(row.Transactions),
                ReportText.Number(row.Flagged), ReportText.Kwh(row.BilledWh), ReportText.Kwh(row.UnbilledWh)]));
        }

        csv.Append(CsvWriter.Record([
            TotalLabel, string.Empty, string.Empty, ReportText.Number(report.TransactionsCounted.Count),
            ReportText.Number(report.FlaggedCount), ReportText.Kwh(report.TotalWh), ReportText.Kwh(report.UnbilledWh)]));
        return csv.ToString();
    }

    private static string EnergyTable(EnergyReport report)
    {
        var zone = report.Period.Zone;
        var text = new StringBuilder();
        text.AppendLine($"Energy by {ReportNames.Of(report.By)}, {ReportText.Time(report.Period.From, zone)} to {ReportText.Time(report.Period.To, zone)} ({zone.Id})");
        text.AppendLine();
        // The terminal table stays narrow: the tags of a household, nothing more (CSV and JSON carry all).
        var tags = report.By == ReportGrouping.Household;
        var table = tags
            ? new TextTable((Heading(report.By), false), ("Id tags", false), ("Transactions", true), ("Flagged", true), ("kWh", true), ("Unbilled kWh", true))
            : new TextTable((Heading(report.By), false), ("Transactions", true), ("Flagged", true), ("kWh", true), ("Unbilled kWh", true));
        foreach (var row in report.Rows)
        {
            string[] numbers = [ReportText.Number(row.Transactions), ReportText.Number(row.Flagged), ReportText.Kwh(row.BilledWh), ReportText.Kwh(row.UnbilledWh)];
            table.Add(tags ? [row.Group, string.Join(' ', row.IdTags), .. numbers] : [row.Group, .. numbers]);
        }

        string[] totals = [ReportText.Number(report.TransactionsCounted.Count), ReportText.Number(report.FlaggedCount), ReportText.Kwh(report.TotalWh), ReportText.Kwh(report.UnbilledWh)];
        table.Add(tags ? ["Total", string.Empty, .. totals] : ["Total", .. totals]);
        text.Append(table);
        Footer(text, report.TotalWh, report.TransactionsCounted.Count, report.FlaggedCount, [.. report.Flagged], zone, report.Notes);
        return text.ToString();
    }

    private static string Heading(ReportGrouping by) => by switch
    {
        ReportGrouping.IdTag => "Id tag",
        ReportGrouping.ChargePoint => "Charger",
        _ => "Household",
    };

    private static readonly string[] TransactionColumns =
    [
        "transaction_id", "charge_point", "connector", "id_tag", "household", "start", "stop", "meter_start", "meter_stop",
        "meter_end", "delta_kwh", "kwh", "unbilled_kwh", "stop_reason", "flags", "anomalies",
    ];

    private static string TransactionsCsv(TransactionReport report)
    {
        var zone = report.Period.Zone;
        var csv = new StringBuilder();
        csv.Append(CsvWriter.Record(TransactionColumns));
        foreach (var e in report.Transactions)
        {
            var t = e.Transaction;
            csv.Append(CsvWriter.Record([
                ReportText.Number(t.Id), t.ChargePointId, t.ConnectorId?.ToString(System.Globalization.CultureInfo.InvariantCulture), t.IdTag, e.Household,
                ReportText.Time(t.Start, zone), t.Stop is { } stop ? ReportText.Time(stop, zone) : string.Empty,
                ReportText.Number(t.MeterStart), t.MeterStop is { } ms ? ReportText.Number(ms) : string.Empty,
                e.MeterEnd is { } end ? ReportText.Number(end) : string.Empty, e.DeltaWh is { } d ? ReportText.Kwh(d) : string.Empty,
                ReportText.Kwh(e.BilledWh), ReportText.Kwh(e.UnbilledWh), t.StopReason, string.Join(' ', e.Flags.Names()), string.Join(' ', t.Anomalies)]));
        }

        csv.Append(CsvWriter.Record([
            TotalLabel, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty,
            ReportText.Kwh(report.TotalWh), ReportText.Kwh(report.UnbilledWh), string.Empty,
            $"{ReportText.Number(report.FlaggedCount)} flagged of {ReportText.Number(report.Transactions.Count)}", string.Empty]));
        return csv.ToString();
    }

    private static string TransactionsTable(TransactionReport report)
    {
        var zone = report.Period.Zone;
        var text = new StringBuilder();
        text.AppendLine($"Transactions, {ReportText.Time(report.Period.From, zone)} to {ReportText.Time(report.Period.To, zone)} ({zone.Id})");
        text.AppendLine();
        var table = new TextTable(("Id", true), ("Charger", false), ("Conn", true), ("Id tag", false), ("Household", false), ("Start", false), ("Stop", false),
            ("kWh", true), ("Unbilled kWh", true), ("Stop reason", false), ("Flags", false));
        foreach (var e in report.Transactions)
        {
            var t = e.Transaction;
            table.Add(ReportText.Number(t.Id), t.ChargePointId, t.ConnectorId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, t.IdTag, e.Household,
                ReportText.Time(t.Start, zone), t.Stop is { } stop ? ReportText.Time(stop, zone) : string.Empty,
                ReportText.Kwh(e.BilledWh), ReportText.Kwh(e.UnbilledWh), t.StopReason, string.Join(' ', e.Flags.Names()));
        }

        text.Append(table);
        Footer(text, report.TotalWh, report.Transactions.Count, report.FlaggedCount, [], zone, report.Notes);
        return text.ToString();
    }

    private static void Footer(StringBuilder text, long totalWh, int count, int flaggedCount, IReadOnlyList<TransactionEnergy> listed, TimeZoneInfo zone, IReadOnlyList<string> notes)
    {
        text.AppendLine();
        text.AppendLine($"Total billed: {ReportText.Kwh(totalWh)} kWh in {count} transaction(s); {flaggedCount} flagged{(listed.Count > 0 ? ":" : ".")}");
        foreach (var e in listed)
        {
            var t = e.Transaction;
            text.AppendLine($"  #{t.Id} {t.ChargePointId} {t.IdTag} started {ReportText.Time(t.Start, zone)}: {string.Join(' ', e.Flags.Names())}; "
                + $"billed {ReportText.Kwh(e.BilledWh)} kWh, unbilled {ReportText.Kwh(e.UnbilledWh)} kWh");
        }

        foreach (var note in notes)
        {
            text.AppendLine($"Note: {note}.");
        }
    }
}
