using Levity.Silo.Configuration;
using Levity.Silo.Hosting;
using Levity.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Metrics.Support;

/// <summary>The real server with --metrics-port 0, and an HTTP client for both of its listeners.</summary>
internal sealed class MetricsServer : IAsyncDisposable
{
    private MetricsServer(LevityTestServer server, Uri metricsBase)
    {
        Server = server;
        MetricsBase = metricsBase;
    }

    public LevityTestServer Server { get; }

    public Uri MetricsBase { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<MetricsServer> StartAsync(Action<IServiceCollection>? configureServices = null)
    {
        var server = await LevityTestServer.StartAsync(configure: (LevityOptions o) => o.MetricsPort = 0, configureServices: configureServices);
        var port = Assert.Single(server.Services.GetRequiredService<DedicatedListener>().Ports);
        return new MetricsServer(server, new Uri($"http://127.0.0.1:{port}"));
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(MetricsBase, path));

    public async Task<string> ScrapeAsync()
    {
        using var response = await GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
