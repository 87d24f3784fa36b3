using Levity.Silo.Configuration;
using Levity.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Support;

/// <summary>
/// The real server (Kestrel on a loopback port, real grains, real SQLite file in a temp folder)
/// started in-process. Restartable on the same database file.
/// </summary>
internal sealed class LevityTestServer : IAsyncDisposable
{
    private WebApplication? _app;

    private LevityTestServer(string databasePath, bool ownsDirectory)
    {
        DatabasePath = databasePath;
        OwnsDirectory = ownsDirectory;
    }

    public string DatabasePath { get; }

    private bool OwnsDirectory { get; }

    public Uri WsBase { get; private set; } = null!;

    public Uri HttpBase { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>Starts a server; <paramref name="configureServices"/> runs after its own registrations (to replace or tune services).</summary>
    public static async Task<LevityTestServer> StartAsync(string? databasePath = null, Action<LevityOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var owns = databasePath is null;
        databasePath ??= Path.Combine(Directory.CreateTempSubdirectory("levity-test-").FullName, "levity.db");
        var server = new LevityTestServer(databasePath, owns);
        await server.StartAsync(configure, configureServices);
        return server;
    }

    public async Task StartAsync(Action<LevityOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var options = new LevityOptions { Host = "127.0.0.1", Port = 0, SiloPort = 0, Db = DatabasePath, LogLevel = "WARNING", OcppLogLevel = "WARNING" };
        configure?.Invoke(options);
        for (var attempt = 1; ; attempt++)
        {
            _app = LevityServer.Build(options, configureServices);
            try
            {
                await _app.StartAsync();
                break;
            }
            catch (Microsoft.AspNetCore.Connections.AddressInUseException) when (options.SiloPort == 0 && attempt < 3)
            {
                // --silo-port 0 picks a free port before Orleans binds it; a parallel test may take it between.
                await _app.DisposeAsync();
            }
        }

        HttpBase = new Uri(LevityServer.BoundAddresses(_app)[0]);
        WsBase = new UriBuilder(HttpBase) { Scheme = "ws" }.Uri;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }
    }

    public Task<TestCharger> ConnectAsync(string chargePointId) => TestCharger.ConnectAsync(new Uri(WsBase, "/ws/" + Uri.EscapeDataString(chargePointId)));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (OwnsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(DatabasePath)!, recursive: true);
        }
    }
}
