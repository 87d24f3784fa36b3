using System.Globalization;
using BenchmarkDotNet.Attributes;
using Levity.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Levity.Benchmarks.Storage;

/// <summary>
/// Throughput of the group-commit writer: N chargers each sending MeterValues (4 samples, inside
/// an open transaction) one after another, as a grain does (the next waits for the previous
/// commit). A real file under the temp directory, synchronous=FULL. The time per operation is
/// the inverse of answered MeterValues per second; the mean batch size is printed at cleanup.
/// With each charger waiting for its commit, throughput is at most N / commit cycle (Little's
/// law), so 500 producers show what the writer does when enough work is in flight.
/// Run: dotnet run -c Release --project bench/Levity.Benchmarks -- --filter '*StoreWriter*' --job short
/// </summary>
[MemoryDiagnoser]
public class StoreWriterBenchmarks
{
    private const int OperationsPerInvoke = 20_000;

    private readonly DateTimeOffset _start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private string _directory = string.Empty;
    private LevityStore _store = null!;
    private int[] _transactions = [];
    private MeterSample[][] _samples = [];
    private long _batchesBefore;
    private long _operationsBefore;

    [Params(50, 500)]
    public int Producers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "levity-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var meterFactory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        _store = new LevityStore(
            Options.Create(new StoreOptions { DatabasePath = Path.Combine(_directory, "levity.db") }),
            TimeProvider.System,
            NullLogger<LevityStore>.Instance,
            meterFactory);
        await _store.StartAsync(CancellationToken.None);

        _transactions = new int[Producers];
        _samples = new MeterSample[Producers][];
        for (var p = 0; p < Producers; p++)
        {
            _transactions[p] = await _store.StartTransactionAsync(ChargePoint(p), new TransactionStart(1, "TAG", 0, _start));
            _samples[p] =
            [
                new(_start, 1234, MeterSample.EnergyRegister, "Wh"),
                new(_start, 16, "Current.Import", "A"),
                new(_start, 230, "Voltage", "V"),
                new(_start, 3680, "Power.Active.Import", "W"),
            ];
        }

        _batchesBefore = _store.Writer.Batches;
        _operationsBefore = _store.Writer.CommittedOperations;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var batches = _store.Writer.Batches - _batchesBefore;
        var operations = _store.Writer.CommittedOperations - _operationsBefore;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// StoreWriter ({Producers} producers): {operations} MeterValues in {batches} commits, mean batch size {(double)operations / Math.Max(1, batches):F1}"));
        await _store.StopAsync(CancellationToken.None);
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public Task InsertMeterValues()
    {
        var producers = new Task[Producers];
        for (var p = 0; p < Producers; p++)
        {
            producers[p] = ProduceAsync(p);
        }

        return Task.WhenAll(producers);
    }

    private async Task ProduceAsync(int producer)
    {
        var chargePoint = ChargePoint(producer);
        for (var i = 0; i < OperationsPerInvoke / Producers; i++)
        {
            await _store.InsertMeterValuesAsync(chargePoint, 1, _transactions[producer], _samples[producer]);
        }
    }

    private static string ChargePoint(int producer) => string.Create(CultureInfo.InvariantCulture, $"GRZ{producer:D5}");
}
