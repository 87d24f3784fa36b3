using BenchmarkDotNet.Attributes;
using Levity.Runtime;
using Levity.Runtime.Filters;
using Levity.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Levity.Benchmarks.Runtime;

/// <summary>
/// A grain call on an already-active grain, returning a value. The target (on the 2-core
/// reference machine): under 1 µs and under 200 B allocated per call through two pass-through
/// silo-wide filters.
/// <c>dotnet run -c Release --project bench/Levity.Benchmarks -- --filter '*Grain*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    private IHost _twoFilters = null!;
    private IHost _asyncFilters = null!;
    private IHost _noFilters = null!;
    private IBenchGrain _grain = null!;
    private IBenchGrain _grainAsyncFilters = null!;
    private IBenchGrain _grainNoFilters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _twoFilters = StartHost(silo => silo
            .AddIncomingGrainCallFilter(new PassThroughFilter())
            .AddIncomingGrainCallFilter(new PassThroughFilter()));
        _asyncFilters = StartHost(silo => silo
            .AddIncomingGrainCallFilter(new AsyncPassThroughFilter())
            .AddIncomingGrainCallFilter(new AsyncPassThroughFilter()));
        _noFilters = StartHost(_ => { });
        _grain = Activate(_twoFilters);
        _grainAsyncFilters = Activate(_asyncFilters);
        _grainNoFilters = Activate(_noFilters);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var host in new[] { _twoFilters, _asyncFilters, _noFilters })
        {
            host.StopAsync().GetAwaiter().GetResult();
            host.Dispose();
        }
    }

    /// <summary>The measured case: two trivial silo-wide filters, grain returns a value synchronously.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> GrainCall_TwoPassThroughFilters() => _grain.Add(1);

    /// <summary>Same, with filters written as <c>async</c> methods awaiting <c>Invoke()</c>.</summary>
    [Benchmark]
    public Task<int> GrainCall_TwoAsyncPassThroughFilters() => _grainAsyncFilters.Add(1);

    [Benchmark]
    public Task<int> GrainCall_NoFilters() => _grainNoFilters.Add(1);

    /// <summary>The grain awaits (Task.Yield): the call leaves the fast path and is resumed from the activation's run queue.</summary>
    [Benchmark]
    public Task<int> GrainCall_TwoFilters_GrainAwaits() => _grain.AddAfterYield(1);

    private static IHost StartHost(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLevitySilo(silo =>
        {
            silo.AddGrain<IBenchGrain, BenchGrain>();
            configure(silo);
        });
        var host = builder.Build();
        host.StartAsync().GetAwaiter().GetResult();
        return host;
    }

    private static IBenchGrain Activate(IHost host)
    {
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IBenchGrain>("bench");
        grain.Add(0).GetAwaiter().GetResult();
        return grain;
    }

    public interface IBenchGrain : IGrainWithStringKey
    {
        Task<int> Add(int amount);

        Task<int> AddAfterYield(int amount);
    }

    public sealed class BenchGrain : Grain, IBenchGrain
    {
        private int _total;

        public Task<int> Add(int amount) => Task.FromResult(_total += amount);

        public async Task<int> AddAfterYield(int amount)
        {
            await Task.Yield();
            return _total += amount;
        }
    }

    private sealed class PassThroughFilter : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context) => context.Invoke();
    }

    private sealed class AsyncPassThroughFilter : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context) => await context.Invoke();
    }
}
