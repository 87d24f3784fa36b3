using System.CommandLine;
using System.Globalization;
using Levity.Reports;
using Levity.Silo.Reports;
using Levity.Storage.Reports;
using Microsoft.Data.Sqlite;

namespace Levity.Silo.Cli;

/// <summary>
/// `levity report energy|transactions`: billing figures straight from a database file (the live
/// one while the server runs, or a read-only copy such as a Litestream replica), no SQL needed.
/// </summary>
internal static class ReportCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var report = new Command("report", "Energy and transaction reports from a Levity database file (read-only; safe while the server runs).");
        report.Subcommands.Add(Energy(output, error));
        report.Subcommands.Add(Transactions(output, error));
        return report;
    }

    private sealed class Common
    {
        public Option<string> From { get; } = new("--from") { Description = "First day (yyyy-MM-dd, local midnight in --tz) or time (yyyy-MM-ddTHH:mm[:ss][Z|+hh:mm])", Required = true };

        public Option<string> To { get; } = new("--to") { Description = "End, exclusive: the day after the last day reported (same forms as --from)", Required = true };

        public Option<string> TimeZone { get; } = new("--tz") { Description = "IANA time zone of the site, e.g. Europe/Berlin (default: UTC)" };

        public Option<string> Db { get; } = new("--db") { Description = "SQLite database file (default: levity.db)", DefaultValueFactory = _ => "levity.db" };

        public Option<string> Format { get; } = new("--format") { Description = "table, csv or json (default: table)", DefaultValueFactory = _ => "table" };

        public Option<double> ImplausibleKwh { get; } = new("--implausible-kwh")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"A session above this many kWh is flagged and not billed (default: {new EnergyRules().ImplausibleWh / 1000})"),
            DefaultValueFactory = _ => new EnergyRules().ImplausibleWh / 1000,
        };

        public Common() => Format.AcceptOnlyFromAmong(ReportNames.Formats);

        public void AddTo(Command command)
        {
            command.Options.Add(From);
            command.Options.Add(To);
            command.Options.Add(TimeZone);
            command.Options.Add(Db);
            command.Options.Add(Format);
            command.Options.Add(ImplausibleKwh);
        }
    }

    private static Command Energy(TextWriter output, TextWriter error)
    {
        var common = new Common();
        var by = new Option<string>("--by") { Description = "household (id-tag label), idtag or chargepoint (default: household)", DefaultValueFactory = _ => "household" };
        by.AcceptOnlyFromAmong(ReportNames.Groupings);
        var command = new Command("energy", "Energy per household, id tag or charger over a period; the total and the flagged transactions below.");
        common.AddTo(command);
        command.Options.Add(by);
        command.SetAction((result, ct) => RunAsync(result, common, output, error, async (path, period, rules) =>
        {
            ReportNames.TryGrouping(result.GetValue(by), out var grouping);
            var report = await EnergyReporter.EnergyAsync(path, period, grouping, rules, ct);
            return ReportFormatter.Energy(report, result.GetValue(common.Format)!);
        }, ct));
        return command;
    }

    private static Command Transactions(TextWriter output, TextWriter error)
    {
        var common = new Common();
        var command = new Command("transactions", "One row per transaction counted in the period (for spreadsheets: --format csv).");
        common.AddTo(command);
        command.SetAction((result, ct) => RunAsync(result, common, output, error, async (path, period, rules) =>
        {
            var report = await EnergyReporter.TransactionsAsync(path, period, rules, ct);
            return ReportFormatter.Transactions(report, result.GetValue(common.Format)!);
        }, ct));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult result,
        Common common,
        TextWriter output,
        TextWriter error,
        Func<string, ReportPeriod, EnergyRules, Task<string>> report,
        CancellationToken cancellationToken)
    {
        if (!ReportPeriodParser.TryParse(result.GetValue(common.From), result.GetValue(common.To), result.GetValue(common.TimeZone), out var period, out var problem))
        {
            await error.WriteLineAsync($"levity report: --{problem.Field}: {problem.Message}".AsMemory(), cancellationToken);
            return LevityCli.ExitUsage;
        }

        var path = result.GetValue(common.Db)!;
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"levity report: --db: database file '{path}' does not exist".AsMemory(), cancellationToken);
            return LevityCli.ExitUsage;
        }

        var implausibleKwh = result.GetValue(common.ImplausibleKwh);
        if (!(implausibleKwh > 0))
        {
            await error.WriteLineAsync("levity report: --implausible-kwh: must be a positive number of kWh".AsMemory(), cancellationToken);
            return LevityCli.ExitUsage;
        }

        try
        {
            var text = await report(path, period, new EnergyRules { ImplausibleWh = implausibleKwh * 1000 });
            await output.WriteAsync(text.AsMemory(), cancellationToken);
            return LevityCli.ExitOk;
        }
        catch (Exception e) when (e is ReportDatabaseException or SqliteException)
        {
            await error.WriteLineAsync($"levity report: {e.Message}".AsMemory(), cancellationToken);
            return LevityCli.ExitFailure;
        }
    }
}
