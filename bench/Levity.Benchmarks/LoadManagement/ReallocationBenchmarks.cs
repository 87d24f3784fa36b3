using BenchmarkDotNet.Attributes;
using Levity.Grains.LoadManagement.Allocation;

namespace Levity.Benchmarks.LoadManagement;

/// <summary>
/// One reallocation of a large site: 1,000 connectors under a site limit and 20 circuits, a mix
/// of three-phase and single-phase chargers on all phases, a tenth reserved (unmanaged), a fifth
/// drawing less than their share, and more minimums than fit (some paused). The pure allocator
/// only: what a site grain spends per recompute before it sends the limits.
/// <c>dotnet run -c Release --project bench/Levity.Benchmarks -- --filter '*Reallocation*'</c>
/// </summary>
[MemoryDiagnoser]
public class ReallocationBenchmarks
{
    private AllocationNode[] _nodes = [];
    private ConnectorDemand[] _connectors = [];

    [Params(1000)]
    public int Connectors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(18);
        _nodes = [new AllocationNode("site", -1, 2000), .. Enumerable.Range(1, 20).Select(k => new AllocationNode("circuit" + k, 0, 160))];
        _connectors = Enumerable.Range(0, Connectors).Select(i =>
        {
            var phases = (i % 4) switch { 0 => PhaseSet.L1, 1 => PhaseSet.L2, 2 => PhaseSet.L3, _ => PhaseSet.All };
            var kind = i % 10 == 0 ? DemandKind.Reserved : DemandKind.Managed;
            double? demand = i % 5 == 1 ? random.Next(4, 20) : null;
            return new ConnectorDemand(1 + (i % 20), phases, kind, 6, 32, demand, kind == DemandKind.Reserved ? 16 : 0, random.Next(1000));
        }).ToArray();
        if (!LoadAllocator.Allocate(_nodes, _connectors).Paused.Any(p => p))
        {
            throw new InvalidOperationException("The benchmark site should be oversubscribed.");
        }
    }

    [Benchmark]
    public AllocationResult Reallocate() => LoadAllocator.Allocate(_nodes, _connectors);
}
