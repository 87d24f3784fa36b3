using Levity.Silo.Configuration;
using Levity.Silo.Gateway;
using Levity.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;

namespace Levity.Tests.Gateway;

/// <summary>The real Levity server on a loopback port, with hooks on the gateway's options and clock.</summary>
internal sealed class GatewayServer : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly WebApplication _app;
    private readonly string _directory;

    private GatewayServer(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
        var address = new Uri(LevityServer.BoundAddresses(app)[0]);
        HttpBase = address;
        WsBase = new UriBuilder(address) { Scheme = "ws" }.Uri;
    }

    public Uri HttpBase { get; }

    public Uri WsBase { get; }

    public IServiceProvider Services => _app.Services;

    public ChargerSessionRegistry Registry => Services.GetRequiredService<ChargerSessionRegistry>();

    public Uri ChargerUri(string id) => new(WsBase, "/ws/" + Uri.EscapeDataString(id));

    public static async Task<GatewayServer> StartAsync(Action<GatewayOptions>? configure = null, TimeProvider? time = null, Action<LevityOptions>? levity = null)
    {
        var directory = Directory.CreateTempSubdirectory("levity-gw-").FullName;
        var options = new LevityOptions { Host = "127.0.0.1", Port = 0, SiloPort = 0, LogLevel = "WARNING", OcppLogLevel = "WARNING", Db = Path.Combine(directory, "levity.db") };
        levity?.Invoke(options);
        var app = LevityServer.Build(options, services =>
        {
            if (configure is not null)
            {
                services.Configure(configure);
            }

            if (time is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(time));
                // Orleans' own maintenance stays on real time; grains and the gateway see the test clock.
                services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            }
        });
        await app.StartAsync();
        return new GatewayServer(app, directory);
    }

    /// <summary>The charger's current session once it is newer than <paramref name="after"/>.</summary>
    public async Task<ChargerSession> WaitConnectedAsync(string id, long after = 0)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!Registry.TryGet(id, out var session) || session.Generation <= after)
        {
            await Task.Delay(10, timeout.Token);
        }

        Registry.TryGet(id, out var current);
        return current;
    }

    /// <summary>Waits until the charger has no session.</summary>
    public async Task WaitDisconnectedAsync(string id)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (Registry.TryGet(id, out _))
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
