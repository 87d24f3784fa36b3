using Levity.Reports;

namespace Levity.Tests.Reports;

/// <summary>Each billing rule of docs/reports.md, on SQLite files built row by row.</summary>
public sealed class EnergyRulesTests
{
    private const string Nov = "2026-11-01";
    private const string Dec = "2026-12-01";

    private static TransactionEnergy Of(TransactionReport report, int id) => Assert.Single(report.Transactions, t => t.Transaction.Id == id);

    [Fact]
    public async Task Completed_BilledMeterStopMinusMeterStart_NotFlagged()
    {
        using var db = new ReportDb();
        var tx = db.Tx("CP1", "T1", "2026-11-03T10:00:00Z", 1000, "2026-11-03T12:00:00Z", 8500);

        var t = Of(await db.TransactionsAsync(Nov, Dec), tx);

        Assert.Equal(7500, t.BilledWh);
        Assert.Equal(TransactionFlags.None, t.Flags);
    }

    [Fact]
    public async Task Open_BilledToLastReadingInKwh_FlaggedOpen()
    {
        using var db = new ReportDb();
        var tx = db.Tx("CP1", "T1", "2026-11-05T10:00:00Z", 1_000_000);
        db.Reading(tx, "CP1", "2026-11-05T10:30:00Z", 1000.5, "kWh");
        db.Reading(tx, "CP1", "2026-11-05T11:00:00Z", 1003.25, "kWh");
        db.Reading(tx, "CP1", "2026-11-05T11:00:00Z", 400, "Wh", phase: "L1");
        db.Reading(tx, "CP1", "2026-11-05T11:00:00Z", 7400, "W", measurand: "Power.Active.Import");

        var report = await db.TransactionsAsync(Nov, Dec);

        var t = Of(report, tx);
        Assert.Equal(3250, t.BilledWh);
        Assert.Equal(1_003_250, t.MeterEnd);
        Assert.Equal(TransactionFlags.Open, t.Flags);
        Assert.Equal(1, report.FlaggedCount);
    }

    [Fact]
    public async Task OrphanClosedByServer_UsesLastReadingNotStoredMeterStop_FlaggedEstimated()
    {
        using var db = new ReportDb();
        var tx = db.Tx("CP1", "T1", "2026-11-06T10:00:00Z", 50_000, "2026-11-06T20:00:00Z", 50_000, stopReason: "Reboot");
        db.Anomaly("CP1", tx, "OrphanClosed");
        db.Reading(tx, "CP1", "2026-11-06T10:30:00Z", 51_000);
        db.Reading(tx, "CP1", "2026-11-06T11:00:00Z", 52_400);

        var t = Of(await db.TransactionsAsync(Nov, Dec), tx);

        Assert.Equal(2400, t.BilledWh);
        Assert.Equal(TransactionFlags.Estimated, t.Flags);
        Assert.Equal(["OrphanClosed"], t.Transaction.Anomalies);
    }

    [Fact]
    public async Task ClosedByOperator_UsesLastReading_FlaggedEstimated()
    {
        using var db = new ReportDb();
        var tx = db.Tx("CP1", "T1", "2026-11-07T10:00:00Z", 60_000, "2026-11-08T10:00:00Z", 60_000, stopReason: "ClosedByOperator");
        db.Reading(tx, "CP1", "2026-11-07T11:00:00Z", 61_234);

        var t = Of(await db.TransactionsAsync(Nov, Dec), tx);

        Assert.Equal(1234, t.BilledWh);
        Assert.True(t.Flags.HasFlag(TransactionFlags.Estimated));
    }

    [Fact]
    public async Task OpenWithoutReadings_ZeroBilled_FlaggedNoReadings()
    {
        using var db = new ReportDb();
        var tx = db.Tx("CP1", "T1", "2026-11-09T10:00:00Z", 70_000);

        var t = Of(await db.TransactionsAsync(Nov, Dec), tx);

        Assert.Equal(0, t.BilledWh);
        Assert.Equal(TransactionFlags.Open | TransactionFlags.NoReadings, t.Flags);
        Assert.True(t.Flags.NeedsAttention());
    }

    [Fact]
    public async Task NegativeAndImplausibleDeltas_NotBilled_ShownAsUnbilled()
    {
        using var db = new ReportDb();
        var negative = db.Tx("CP1", "T1", "2026-11-10T10:00:00Z", 90_000, "2026-11-10T11:00:00Z", 10_000);
        var implausible = db.Tx("CP1", "T1", "2026-11-11T10:00:00Z", 0, "2026-11-11T11:00:00Z", 250_000);
        var normal = db.Tx("CP1", "T1", "2026-11-12T10:00:00Z", 10_000, "2026-11-12T11:00:00Z", 11_000);

        var report = await db.EnergyAsync(Nov, Dec);

        var row = Assert.Single(report.Rows);
        Assert.Equal(1000, row.BilledWh);
        Assert.Equal(-80_000 + 250_000, row.UnbilledWh);
        Assert.Equal(2, report.FlaggedCount);
        var flagged = report.Flagged.ToDictionary(t => t.Transaction.Id);
        Assert.Equal(TransactionFlags.Negative, flagged[negative].Flags);
        Assert.Equal(-80_000, flagged[negative].UnbilledWh);
        Assert.Equal(TransactionFlags.Implausible, flagged[implausible].Flags);
        Assert.Equal(0, flagged[implausible].BilledWh);
        Assert.DoesNotContain(normal, flagged.Keys);
    }

    [Fact]
    public async Task ImplausibleThreshold_IsASetting()
    {
        using var db = new ReportDb();
        var tx = db.Tx("CP1", "T1", "2026-11-11T10:00:00Z", 0, "2026-11-11T11:00:00Z", 60_000);

        var strict = Of(await db.TransactionsAsync(Nov, Dec, rules: new EnergyRules { ImplausibleWh = 50_000 }), tx);
        var lenient = Of(await db.TransactionsAsync(Nov, Dec), tx);

        Assert.Equal(TransactionFlags.Implausible, strict.Flags);
        Assert.Equal(60_000, lenient.BilledWh);
    }

    [Fact]
    public async Task SpanningBoundary_SplitByInterpolatingNearestReadings_PartsAddUpToWhole()
    {
        using var db = new ReportDb();
        var tx = db.Tx("CP1", "T1", "2026-10-31T23:00:00Z", 10_000, "2026-11-01T01:00:00Z", 22_000);
        db.Reading(tx, "CP1", "2026-10-31T23:50:00Z", 15_000);
        db.Reading(tx, "CP1", "2026-11-01T00:10:00Z", 17_000);

        var october = Of(await db.TransactionsAsync("2026-10-01", Nov), tx);
        var november = Of(await db.TransactionsAsync(Nov, Dec), tx);

        Assert.Equal(6000, october.BilledWh);
        Assert.Equal(6000, november.BilledWh);
        Assert.Equal(TransactionFlags.Split, october.Flags);
        Assert.Equal(12_000, october.DeltaWh);
    }

    [Fact]
    public async Task SpanningBoundaryWithoutMeterValues_InterpolatesBetweenStartAndStop()
    {
        using var db = new ReportDb();
        var tx = db.Tx("CP1", "T1", "2026-10-31T22:00:00Z", 0, "2026-11-01T02:00:00Z", 4000);

        Assert.Equal(2000, Of(await db.TransactionsAsync("2026-10-01", Nov), tx).BilledWh);
        Assert.Equal(2000, Of(await db.TransactionsAsync(Nov, Dec), tx).BilledWh);
    }

    [Fact]
    public async Task SpanningBothBoundaries_OnlyThePeriodsPart()
    {
        using var db = new ReportDb();
        var tx = db.Tx("CP1", "T1", "2026-11-09T23:00:00Z", 0, "2026-11-11T01:00:00Z", 26_000);
        db.Reading(tx, "CP1", "2026-11-10T00:00:00Z", 1_000);
        db.Reading(tx, "CP1", "2026-11-11T00:00:00Z", 25_000);

        Assert.Equal(24_000, Of(await db.TransactionsAsync("2026-11-10", "2026-11-11"), tx).BilledWh);
    }

    [Fact]
    public async Task ReadingsContradictStartAndStop_NotSplit_AttributedToStart()
    {
        using var db = new ReportDb();
        var tx = db.Tx("CP1", "T1", "2026-10-31T23:00:00Z", 10_000, "2026-11-01T01:00:00Z", 12_000);
        db.Reading(tx, "CP1", "2026-10-31T23:59:00Z", 50_000);

        var october = Of(await db.TransactionsAsync("2026-10-01", Nov), tx);
        var november = await db.TransactionsAsync(Nov, Dec);

        Assert.Equal(2000, october.BilledWh);
        Assert.Equal(TransactionFlags.InconsistentReadings | TransactionFlags.AttributedToStart, october.Flags);
        Assert.DoesNotContain(november.Transactions, t => t.Transaction.Id == tx);
    }

    [Fact]
    public async Task GrizzlERelativeMeterValues_OpenTransaction_BilledFromMeterStartPlusReading()
    {
        using var db = new ReportDb();
        var tx = db.Tx("GRZ", "T1", "2026-11-05T10:00:00Z", 1_234_000);
        db.Reading(tx, "GRZ", "2026-11-05T10:00:00Z", 0);
        db.Reading(tx, "GRZ", "2026-11-05T10:30:00Z", 2_500);
        db.Reading(tx, "GRZ", "2026-11-05T11:00:00Z", 5_000);

        var t = Of(await db.TransactionsAsync(Nov, Dec), tx);

        Assert.Equal(5000, t.BilledWh);
        Assert.Equal(MeterConvention.SessionRelative, t.Convention);
        Assert.Equal(TransactionFlags.Open | TransactionFlags.SessionRelativeMeter, t.Flags);
    }

    [Fact]
    public async Task GrizzlERelativeMeterValues_SplitUsesMeterStartPlusReading()
    {
        using var db = new ReportDb();
        var tx = db.Tx("GRZ", "T1", "2026-10-31T23:00:00Z", 1_000_000, "2026-11-01T01:00:00Z", 1_012_000);
        db.Reading(tx, "GRZ", "2026-10-31T23:50:00Z", 5_000);
        db.Reading(tx, "GRZ", "2026-11-01T00:10:00Z", 7_000);

        var october = Of(await db.TransactionsAsync("2026-10-01", Nov), tx);

        Assert.Equal(6000, october.BilledWh);
        Assert.Equal(TransactionFlags.Split | TransactionFlags.SessionRelativeMeter, october.Flags);
    }

    [Fact]
    public async Task GrizzlEOrphanClosedWithRelativeValueAsMeterStop_ReportReadsTheRegister()
    {
        using var db = new ReportDb();
        // What the server wrote before it knew the convention: meterStop = the raw relative reading.
        var tx = db.Tx("GRZ", "T1", "2026-11-05T10:00:00Z", 1_000_000, "2026-11-05T12:00:00Z", 3000, stopReason: "Reboot");
        db.Anomaly("GRZ", tx, "OrphanClosed");
        db.Reading(tx, "GRZ", "2026-11-05T10:30:00Z", 1_000);
        db.Reading(tx, "GRZ", "2026-11-05T11:00:00Z", 3_000);

        var t = Of(await db.TransactionsAsync(Nov, Dec), tx);

        Assert.Equal(3000, t.BilledWh);
        Assert.Equal(TransactionFlags.Estimated | TransactionFlags.SessionRelativeMeter, t.Flags);
    }

    [Theory]
    [InlineData(0, 10_000, 3000)]          // the charger's other session was session-relative
    [InlineData(500_000, 510_000, 2900)]   // ... or lifetime register
    public async Task AmbiguousReadings_FollowTheChargersOtherSessions(double otherFirst, double otherLast, long billed)
    {
        using var db = new ReportDb();
        var other = db.Tx("CP", "T1", "2026-11-02T10:00:00Z", 500_000, "2026-11-02T12:00:00Z", 510_000);
        db.Reading(other, "CP", "2026-11-02T10:01:00Z", otherFirst);
        db.Reading(other, "CP", "2026-11-02T11:59:00Z", otherLast);
        // A young meter: meterStart 100 Wh, so 200..3000 fits both conventions.
        var young = db.Tx("CP", "T1", "2026-11-03T10:00:00Z", 100);
        db.Reading(young, "CP", "2026-11-03T10:01:00Z", 200);
        db.Reading(young, "CP", "2026-11-03T11:00:00Z", 3000);

        Assert.Equal(billed, Of(await db.TransactionsAsync(Nov, Dec), young).BilledWh);
    }

    [Fact]
    public async Task TransactionsOutsideThePeriod_NotCounted()
    {
        using var db = new ReportDb();
        db.Tx("CP1", "T1", "2026-10-30T10:00:00Z", 0, "2026-10-30T11:00:00Z", 1000);
        db.Tx("CP1", "T1", "2026-12-01T00:00:00Z", 0, "2026-12-01T01:00:00Z", 1000);
        var inside = db.Tx("CP1", "T1", "2026-11-01T00:00:00Z", 0, "2026-11-01T01:00:00Z", 1000);

        var report = await db.TransactionsAsync(Nov, Dec);

        Assert.Equal([inside], report.Transactions.Select(t => t.Transaction.Id));
    }
}
