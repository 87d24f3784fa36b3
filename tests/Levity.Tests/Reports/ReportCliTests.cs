using System.Globalization;
using System.Text.Json.Nodes;
using Levity.Silo.Cli;

namespace Levity.Tests.Reports;

/// <summary>`levity report ...` through the real command line: formats, footers and exit codes.</summary>
public sealed class ReportCliTests : IDisposable
{
    private const string Tricky = "Smith, \"the\" family\nNo. 3";
    private readonly ReportDb _db = new();

    public ReportCliTests()
    {
        _db.Label("A1", Tricky);
        _db.Tx("CP1", "A1", "2026-11-02T10:00:00Z", 0, "2026-11-02T11:00:00Z", 1500);
        _db.Tx("CP1", "B1", "2026-11-03T10:00:00Z", 0, "2026-11-03T11:00:00Z", 2250);
        _db.Tx("CP2", "B1", "2026-11-04T10:00:00Z", 90_000, "2026-11-04T11:00:00Z", 1000);
        _db.Tx("CP2", "A1", "2026-11-05T10:00:00Z", 4000);
    }

    public void Dispose() => _db.Dispose();

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LevityCli.InvokeAsync(args, output, error, (_, _) => throw new InvalidOperationException("the server must not start"));
        return (exit, output.ToString(), error.ToString());
    }

    private string[] Energy(params string[] more) => ["report", "energy", "--from", "2026-11-01", "--to", "2026-12-01", "--db", _db.Path, .. more];

    [Fact]
    public async Task Energy_Table_RowsTotalAndFlaggedBelow()
    {
        var (exit, output, error) = await Run(Energy());

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Energy by household, 2026-11-01T00:00:00+00:00 to 2026-12-01T00:00:00+00:00 (UTC)", output, StringComparison.Ordinal);
        Assert.Contains("Total billed: 3.750 kWh in 4 transaction(s); 2 flagged:", output, StringComparison.Ordinal);
        Assert.Contains("negative; billed 0.000 kWh, unbilled -89.000 kWh", output, StringComparison.Ordinal);
        Assert.Contains("open no-readings", output, StringComparison.Ordinal);
        Assert.Contains("Smith, \"the\" family No. 3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Energy_Csv_ValidRfc4180_LabelRoundTrips_TotalRowReconciles()
    {
        var (exit, output, _) = await Run(Energy("--format", "csv"));

        Assert.Equal(0, exit);
        var records = Csv.Parse(output);
        Assert.Equal(["group", "id_tags", "charge_points", "transactions", "flagged", "kwh", "unbilled_kwh"], records[0]);
        Assert.All(records, r => Assert.Equal(7, r.Count));
        var rows = records[1..^1];
        Assert.Equal(["B1", Tricky], rows.Select(r => r[0]));
        var total = records[^1];
        Assert.Equal("(total)", total[0]);
        Assert.Equal("3.750", total[5]);
        Assert.Equal("2", total[4]);
        Assert.Equal(decimal.Parse(total[5], CultureInfo.InvariantCulture), rows.Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Energy_Json_TotalIsSumOfRows()
    {
        var (exit, output, _) = await Run(Energy("--format", "json", "--by", "chargepoint"));

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!;
        var rows = json["rows"]!.AsArray();
        Assert.Equal(["CP1", "CP2"], rows.Select(r => r!["group"]!.GetValue<string>()));
        Assert.Equal(3750, json["total"]!["billedWh"]!.GetValue<long>());
        Assert.Equal(3750, rows.Sum(r => r!["billedWh"]!.GetValue<long>()));
        Assert.Equal(2, json["total"]!["flagged"]!.GetValue<int>());
        Assert.Equal(2, json["flaggedTransactions"]!.AsArray().Count);
    }

    [Fact]
    public async Task Transactions_Csv_OneRowPerTransaction_SameTotalAsEnergy()
    {
        var (exit, output, _) = await Run(["report", "transactions", "--from", "2026-11-01", "--to", "2026-12-01", "--db", _db.Path, "--format", "csv", "--tz", "Europe/Berlin"]);

        Assert.Equal(0, exit);
        var records = Csv.Parse(output);
        Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
        Assert.Equal(["transaction_id", "charge_point", "connector", "id_tag", "household", "start", "stop", "meter_start", "meter_stop", "meter_end", "delta_kwh", "kwh", "unbilled_kwh", "stop_reason", "flags", "anomalies"], records[0]);
        var rows = records[1..^1];
        Assert.Equal(4, rows.Count);
        Assert.Equal("2026-11-02T11:00:00+01:00", rows[0][5]);
        Assert.Equal(Tricky, rows[0][4]);
        Assert.Equal("negative", rows[2][14]);
        Assert.Equal("3.750", records[^1][11]);
        Assert.Equal("2 flagged of 4", records[^1][14]);
    }

    [Theory]
    [InlineData("--from", "2026-13-01")]
    [InlineData("--to", "yesterday")]
    [InlineData("--to", "2026-11-01")]
    [InlineData("--tz", "Mars/Olympus_Mons")]
    [InlineData("--by", "street")]
    [InlineData("--format", "xlsx")]
    [InlineData("--implausible-kwh", "0")]
    public async Task BadUsage_ClearMessage_Exit2(string option, string value)
    {
        var args = Energy().ToList();
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (exit, output, error) = await Run([.. args]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(option.TrimStart('-') is "by" or "format" ? value : option, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDatabaseFile_Exit2_NothingCreated()
    {
        var missing = Path.Combine(_db.Directory, "nope.db");

        var (exit, _, error) = await Run(["report", "energy", "--from", "2026-11-01", "--to", "2026-12-01", "--db", missing]);

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task MissingRequiredOption_Exit2()
    {
        var (exit, _, error) = await Run(["report", "energy", "--to", "2026-12-01", "--db", _db.Path]);

        Assert.Equal(2, exit);
        Assert.Contains("--from", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotALevityDatabase_Exit1()
    {
        var other = Path.Combine(_db.Directory, "other.db");
        await File.WriteAllTextAsync(other, "this is not sqlite at all, just text that is long enough to have a header........");

        var (exit, _, error) = await Run(["report", "energy", "--from", "2026-11-01", "--to", "2026-12-01", "--db", other]);

        Assert.Equal(1, exit);
        Assert.StartsWith("levity report: ", error, StringComparison.Ordinal);
    }
}
