using System.Security.Cryptography;
using Levity.Reports;
using Levity.Storage.Reports;
using Levity.Tests.Storage;

namespace Levity.Tests.Reports;

/// <summary>Grouping, reconciliation, time zones and the database files a report accepts.</summary>
public sealed class EnergyReportTests
{
    private static ReportDb Households()
    {
        var db = new ReportDb();
        db.Label("A1", "House A");
        db.Label("A2", "House A");
        db.Label("C1", "");
        db.Tx("CP1", "A1", "2026-11-02T10:00:00Z", 0, "2026-11-02T11:00:00Z", 1000);
        db.Tx("CP2", "a1", "2026-11-03T10:00:00Z", 0, "2026-11-03T11:00:00Z", 2000);
        db.Tx("CP1", "A2", "2026-11-04T10:00:00Z", 0, "2026-11-04T11:00:00Z", 4000);
        db.Tx("CP2", "B1", "2026-11-05T10:00:00Z", 0, "2026-11-05T11:00:00Z", 8000);
        db.Tx("CP2", "C1", "2026-11-06T10:00:00Z", 0, "2026-11-06T11:00:00Z", 16_000);
        db.Tx("CP1", "B1", "2026-11-07T10:00:00Z", 5000);
        return db;
    }

    [Fact]
    public async Task ByHousehold_TagsSharingALabelAddUp_UnlabeledTagsAreTheirOwnGroup()
    {
        using var db = Households();

        var report = await db.EnergyAsync("2026-11-01", "2026-12-01");

        Assert.Equal(["B1", "C1", "House A"], report.Rows.Select(r => r.Group));
        var house = report.Rows[2];
        Assert.Equal(7000, house.BilledWh);
        Assert.Equal(3, house.Transactions);
        Assert.Equal(["A1", "A2"], house.IdTags);
        Assert.Equal(["CP1", "CP2"], house.ChargePoints);
        Assert.Equal(1, report.Rows[0].Flagged);
    }

    [Theory]
    [InlineData(ReportGrouping.Household)]
    [InlineData(ReportGrouping.IdTag)]
    [InlineData(ReportGrouping.ChargePoint)]
    public async Task EveryGrouping_TotalIsSumOfRowsAndSumOfTransactions(ReportGrouping by)
    {
        using var db = Households();

        var report = await db.EnergyAsync("2026-11-01", "2026-12-01", by);

        Assert.Equal(31_000, report.TotalWh);
        Assert.Equal(report.TotalWh, report.Rows.Sum(r => r.BilledWh));
        Assert.Equal(report.TotalWh, report.TransactionsCounted.Sum(t => t.BilledWh));
        Assert.Equal(6, report.Rows.Sum(r => r.Transactions));
        Assert.Equal(1, report.FlaggedCount);
    }

    [Fact]
    public async Task ByIdTag_TagsCompareCaseInsensitively()
    {
        using var db = Households();

        var report = await db.EnergyAsync("2026-11-01", "2026-12-01", ReportGrouping.IdTag);

        Assert.Equal(["A1", "A2", "B1", "C1"], report.Rows.Select(r => r.Group));
        Assert.Equal(3000, report.Rows[0].BilledWh);
    }

    [Fact]
    public async Task LabelEqualToAnUnlabeledTag_StaysApart()
    {
        using var db = new ReportDb();
        db.Label("K1", "X9");
        db.Tx("CP1", "K1", "2026-11-02T10:00:00Z", 0, "2026-11-02T11:00:00Z", 1000);
        db.Tx("CP1", "X9", "2026-11-03T10:00:00Z", 0, "2026-11-03T11:00:00Z", 2000);

        var report = await db.EnergyAsync("2026-11-01", "2026-12-01");

        Assert.Equal(2, report.Rows.Count);
    }

    [Fact]
    public void TimeZone_DayOfDstChangeInBerlin_Has25Hours()
    {
        var period = ReportDb.Period("2026-10-25", "2026-10-26", "Europe/Berlin");

        Assert.Equal(ReportDb.At("2026-10-24T22:00:00Z"), period.From);
        Assert.Equal(ReportDb.At("2026-10-25T23:00:00Z"), period.To);
    }

    [Fact]
    public async Task TimeZone_DstChange_SessionsCountOnTheirLocalDay()
    {
        using var db = new ReportDb();
        db.Tx("CP1", "T1", "2026-10-24T21:30:00Z", 0, "2026-10-24T21:40:00Z", 1);    // 23:30 on the 24th (CEST)
        var late = db.Tx("CP1", "T1", "2026-10-25T22:30:00Z", 0, "2026-10-25T22:40:00Z", 10); // 23:30 on the 25th (CET)
        var early = db.Tx("CP1", "T1", "2026-10-24T22:30:00Z", 0, "2026-10-24T22:40:00Z", 100); // 00:30 on the 25th (CEST)
        db.Tx("CP1", "T1", "2026-10-25T23:30:00Z", 0, "2026-10-25T23:40:00Z", 1000);  // 00:30 on the 26th

        var report = await db.TransactionsAsync("2026-10-25", "2026-10-26", "Europe/Berlin");

        Assert.Equal(new[] { late, early }.Order(), report.Transactions.Select(t => t.Transaction.Id).Order());
        Assert.Equal(110, report.TotalWh);
    }

    [Fact]
    public async Task TimeZone_MonthBoundaryInToronto_SplitAtLocalMidnightAcrossDstEnd()
    {
        using var db = new ReportDb();
        // 23:00 EDT on Oct 31 to 00:00 EST on Nov 1 (= 01:00 EDT): DST ends at 02:00 that night.
        var tx = db.Tx("CP1", "T1", "2026-11-01T03:00:00Z", 0, "2026-11-01T05:00:00Z", 2000);

        var october = await db.TransactionsAsync("2026-10-01", "2026-11-01", "America/Toronto");
        var november = await db.TransactionsAsync("2026-11-01", "2026-12-01", "America/Toronto");

        Assert.Equal(ReportDb.At("2026-11-01T04:00:00Z"), october.Period.To);
        Assert.Equal(ReportDb.At("2026-12-01T05:00:00Z"), november.Period.To);
        Assert.Equal(1000, Assert.Single(october.Transactions).BilledWh);
        Assert.Equal(1000, Assert.Single(november.Transactions).BilledWh);
        Assert.Equal(tx, november.Transactions[0].Transaction.Id);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/Toronto")]
    public void TimeZone_NeededZonesAreInstalled(string zone)
    {
        // tzdata is in .ci/run's apt-get line; without it the DST tests above cannot mean anything.
        Assert.True(ReportPeriodParser.TryParse("2026-10-01", "2026-11-01", zone, out _, out var problem),
            $"time zone {zone} is missing on this machine (install the tzdata package): {problem?.Message}");
    }

    [Fact]
    public async Task PythonDatabase_ReportsWithoutLabels_AndSaysSo()
    {
        using var python = TestDatabase.PythonSample();

        var report = await EnergyReporter.EnergyAsync(python.Path, ReportDb.Period("2026-11-01", "2026-12-01"), ReportGrouping.Household, new EnergyRules(), default);

        Assert.Equal(3 * 1000 + 3 * 600, report.TotalWh);
        Assert.Equal(3, report.FlaggedCount);
        Assert.Equal(["TAGGRZ00000", "TAGGRZ00001", "TAGGRZ00002"], report.Rows.Select(r => r.Group));
        Assert.Contains(report.Notes, n => n.Contains("id_tag", StringComparison.Ordinal));
        Assert.Equal(0L, python.Scalar("PRAGMA user_version"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ReadOnlyCopy_Reports_AndIsLeftUntouched()
    {
        using var db = Households();
        db.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        using var copy = TestDatabase.Empty();
        File.Copy(db.Path, copy.Path, overwrite: true);
        File.SetUnixFileMode(copy.Path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = SHA256.HashData(await File.ReadAllBytesAsync(copy.Path));

        try
        {
            var report = await EnergyReporter.EnergyAsync(copy.Path, ReportDb.Period("2026-11-01", "2026-12-01"), ReportGrouping.Household, new EnergyRules(), default);

            Assert.Equal(31_000, report.TotalWh);
            Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(copy.Path)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(copy.Path));
        }
        finally
        {
            File.SetUnixFileMode(copy.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task NotALevityDatabase_ClearError()
    {
        using var other = TestDatabase.Empty();
        using (var connection = other.Open())
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (x)";
            command.ExecuteNonQuery();
        }

        var e = await Assert.ThrowsAsync<ReportDatabaseException>(() => EnergyReporter.TransactionsAsync(other.Path, ReportDb.Period("2026-11-01", "2026-12-01"), new EnergyRules(), default));

        Assert.Contains("not a Levity database", e.Message, StringComparison.Ordinal);
    }
}
