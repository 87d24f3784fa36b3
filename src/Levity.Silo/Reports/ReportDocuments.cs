using Levity.Reports;

namespace Levity.Silo.Reports;

/// <summary>The JSON shape of reports, the same from the CLI (--format json) and the API.</summary>
internal static class ReportDocuments
{
    public sealed record EnergyDocument(
        string From,
        string To,
        string TimeZone,
        string By,
        IReadOnlyList<EnergyRowDocument> Rows,
        TotalDocument Total,
        IReadOnlyList<TransactionDocument> FlaggedTransactions,
        IReadOnlyList<string> Notes);

    public sealed record EnergyRowDocument(
        string Group,
        IReadOnlyList<string> IdTags,
        IReadOnlyList<string> ChargePoints,
        int Transactions,
        int Flagged,
        decimal Kwh,
        long BilledWh,
        long UnbilledWh);

    public sealed record TotalDocument(int Transactions, int Flagged, decimal Kwh, long BilledWh, long UnbilledWh);

    public sealed record TransactionsDocument(
        string From,
        string To,
        string TimeZone,
        IReadOnlyList<TransactionDocument> Transactions,
        TotalDocument Total,
        IReadOnlyList<string> Notes);

    public sealed record TransactionDocument(
        int TransactionId,
        string ChargePointId,
        int? ConnectorId,
        string IdTag,
        string Household,
        string Start,
        string? Stop,
        long MeterStart,
        long? MeterStop,
        long? MeterEnd,
        long? DeltaWh,
        long BilledWh,
        long UnbilledWh,
        decimal Kwh,
        string StopReason,
        IReadOnlyList<string> Flags,
        IReadOnlyList<string> Anomalies);

    public static EnergyDocument Energy(EnergyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var zone = report.Period.Zone;
        return new EnergyDocument(
            ReportText.Time(report.Period.From, zone),
            ReportText.Time(report.Period.To, zone),
            zone.Id,
            ReportNames.Of(report.By),
            [.. report.Rows.Select(r => new EnergyRowDocument(r.Group, r.IdTags, r.ChargePoints, r.Transactions, r.Flagged, ReportText.KwhValue(r.BilledWh), r.BilledWh, r.UnbilledWh))],
            new TotalDocument(report.TransactionsCounted.Count, report.FlaggedCount, ReportText.KwhValue(report.TotalWh), report.TotalWh, report.UnbilledWh),
            [.. report.Flagged.Select(t => Transaction(t, zone))],
            report.Notes);
    }

    public static TransactionsDocument Transactions(TransactionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var zone = report.Period.Zone;
        return new TransactionsDocument(
            ReportText.Time(report.Period.From, zone),
            ReportText.Time(report.Period.To, zone),
            zone.Id,
            [.. report.Transactions.Select(t => Transaction(t, zone))],
            new TotalDocument(report.Transactions.Count, report.FlaggedCount, ReportText.KwhValue(report.TotalWh), report.TotalWh, report.UnbilledWh),
            report.Notes);
    }

    public static TransactionDocument Transaction(TransactionEnergy energy, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(energy);
        var t = energy.Transaction;
        return new TransactionDocument(
            t.Id,
            t.ChargePointId,
            t.ConnectorId,
            t.IdTag,
            energy.Household,
            ReportText.Time(t.Start, zone),
            t.Stop is { } stop ? ReportText.Time(stop, zone) : null,
            t.MeterStart,
            t.MeterStop,
            energy.MeterEnd,
            energy.DeltaWh,
            energy.BilledWh,
            energy.UnbilledWh,
            ReportText.KwhValue(energy.BilledWh),
            t.StopReason,
            energy.Flags.Names(),
            t.Anomalies);
    }
}
