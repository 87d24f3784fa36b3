using BenchmarkDotNet.Attributes;
using Levity.Grains.ChargePoints;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Grains.Plugins;
using Levity.Ocpp.Messages;
using Levity.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Levity.Benchmarks.Grains;

/// <summary>
/// One call on an active <see cref="IChargePointGrain"/> in a real single Orleans silo, through
/// the real plugin filter: DataTransfer (the grain stores nothing for it, so the figure is the
/// runtime's and the filter's, not the disk's) with no hook for the action, and with an On hook
/// that answers it as a vendor plugin does.
/// <c>dotnet run -c Release --project bench/Levity.Benchmarks -- --filter '*GrainCall*'</c>
/// </summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    private static readonly DataTransferRequest Request = new("bench-vendor", "ping", "{}");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "levity-bench-" + Guid.NewGuid().ToString("N"));
    private IHost _plain = null!;
    private IHost _hooked = null!;
    private IChargePointGrain _plainGrain = null!;
    private IChargePointGrain _hookedGrain = null!;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_directory);
        _plain = StartHost("plain.db", _ => { });
        _hooked = StartHost("hooked.db", services => services.AddChargePointPlugin<AnsweringPlugin>());
        _plainGrain = Activate(_plain);
        _hookedGrain = Activate(_hooked);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var host in new[] { _plain, _hooked })
        {
            host.StopAsync().GetAwaiter().GetResult();
            host.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The plugin filter looks the action up, finds no hook and passes the call on.</summary>
    [Benchmark(Baseline = true)]
    public Task<DataTransferResponse> GrainCall_ThroughPluginFilter_NoHook() => _plainGrain.DataTransfer(Request);

    /// <summary>The plugin filter runs an On hook (bounded by the hook timeout) that replaces the answer.</summary>
    [Benchmark]
    public Task<DataTransferResponse> GrainCall_ThroughPluginFilter_OnHook() => _hookedGrain.DataTransfer(Request);

    private IHost StartHost(string database, Action<IServiceCollection> plugins)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddLevityStore(store => store.DatabasePath = Path.Combine(_directory, database));
        plugins(builder.Services);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: 0)
            .AddChargePointGrains());
        var host = builder.Build();
        host.StartAsync().GetAwaiter().GetResult();
        return host;
    }

    private static IChargePointGrain Activate(IHost host)
    {
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IChargePointGrain>("BENCH1");
        grain.DataTransfer(Request).GetAwaiter().GetResult();
        return grain;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class AnsweringPlugin : IChargePointPlugin, IOnHook<DataTransferRequest, DataTransferResponse>
    {
        private static readonly DataTransferResponse Accepted = new(DataTransferStatus.Accepted, "pong");

        public ValueTask OnAsync(PluginContext<DataTransferRequest, DataTransferResponse> context, CancellationToken cancellationToken)
        {
            context.Response = Accepted;
            return ValueTask.CompletedTask;
        }
    }
}
