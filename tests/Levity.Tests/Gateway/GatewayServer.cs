using Levity.Silo.Configuration;
using Levity.Silo.Gateway;
using Levity.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Levity.Tests.Gateway;

/// <summary>A real Levity Kestrel on a loopback port with a recording connection handler.</summary>
internal sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly string _directory;

    private GatewayServer(WebApplication app, RecordingHandler handler, string directory)
    {
        _app = app;
        _directory = directory;
        Handler = handler;
        var address = new Uri(LevityServer.BoundAddresses(app)[0]);
        HttpBase = address;
        WsBase = new UriBuilder(address) { Scheme = "ws" }.Uri;
    }

    public RecordingHandler Handler { get; }

    public Uri HttpBase { get; }

    public Uri WsBase { get; }

    public IServiceProvider Services => _app.Services;

    public Uri ChargerUri(string id) => new(WsBase, "/ws/" + Uri.EscapeDataString(id));

    public static async Task<GatewayServer> StartAsync(Action<GatewayOptions>? configure = null, TimeProvider? time = null)
    {
        var handler = new RecordingHandler();
        var directory = Directory.CreateTempSubdirectory("levity-gw-").FullName;
        var options = new LevityOptions { Host = "127.0.0.1", Port = 0, LogLevel = "WARNING", Db = Path.Combine(directory, "levity.db") };
        var app = LevityServer.Build(options, services =>
        {
            services.AddSingleton<IChargerConnectionHandler>(handler);
            if (configure is not null)
            {
                services.Configure(configure);
            }

            if (time is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(time));
            }
        });
        await app.StartAsync();
        return new GatewayServer(app, handler, directory);
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
