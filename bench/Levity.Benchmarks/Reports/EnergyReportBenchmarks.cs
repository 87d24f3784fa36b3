using BenchmarkDotNet.Attributes;
using Levity.Reports;

namespace Levity.Benchmarks.Reports;

/// <summary>
/// A monthly report on a year of data (<see cref="YearOfSessions"/>: 20 chargers, about 1.6
/// million energy readings among about 6 million meter_val rows). The goal is under 2 s on the
/// Raspberry Pi; the figure is in docs/performance.md.
/// Run: dotnet run -c Release --project bench/Levity.Benchmarks -- --filter '*EnergyReport*' --job short
/// </summary>
[MemoryDiagnoser]
public class EnergyReportBenchmarks
{
    private readonly EnergyRules _rules = new();
    private string _path = string.Empty;
    private ReportPeriod _november = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = YearOfSessions.Ensure();
        if (!ReportPeriodParser.TryParse("2026-11-01", "2026-12-01", "Europe/Berlin", out var period, out var problem))
        {
            throw new InvalidOperationException(problem.Message);
        }

        _november = period;
    }

    [Benchmark]
    public async Task<long> MonthByHousehold() =>
        (await EnergyReporter.EnergyAsync(_path, _november, ReportGrouping.Household, _rules, CancellationToken.None)).TotalWh;

    [Benchmark]
    public async Task<int> MonthOfTransactions() =>
        (await EnergyReporter.TransactionsAsync(_path, _november, _rules, CancellationToken.None)).Transactions.Count;
}
