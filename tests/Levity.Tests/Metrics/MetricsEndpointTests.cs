using System.Net;
using Levity.Silo.Metrics;
using Levity.Tests.Metrics.Support;
using Levity.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Metrics;

/// <summary>The real server with a metrics listener, scraped over HTTP.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_RunningServer_ServesTextFormatWithUpAndProcessMetrics()
    {
        await using var server = await MetricsServer.StartAsync();

        using var response = await server.GetAsync("/metrics");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("gauge", Exposition.Type(page, "ocpp_central_up"));
        Assert.Equal(1, Exposition.Sample(page, "ocpp_central_up"));
        Assert.Equal("counter", Exposition.Type(page, "process_cpu_seconds_total"));
        Assert.True(Exposition.Sample(page, "process_cpu_seconds_total") > 0);
        var started = DateTimeOffset.FromUnixTimeMilliseconds((long)(Exposition.Sample(page, "process_start_time_seconds") * 1000));
        Assert.InRange(started, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        if (OperatingSystem.IsLinux())
        {
            Assert.True(Exposition.Sample(page, "process_resident_memory_bytes") > 1_000_000);
            Assert.True(Exposition.Sample(page, "process_virtual_memory_bytes") >= Exposition.Sample(page, "process_resident_memory_bytes"));
            Assert.InRange(Exposition.Sample(page, "process_open_fds"), 3, Exposition.Sample(page, "process_max_fds"));
        }
    }

    [Fact]
    public async Task Metrics_AfterChargerTraffic_ExportsLevityAndRuntimeMeters()
    {
        await using var server = await MetricsServer.StartAsync();
        await using (var charger = await server.Server.ConnectAsync("CP-METRICS"))
        {
            await charger.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E" });
            await charger.CallOkAsync("Heartbeat", new { });
        }

        var page = await server.ScrapeAsync();

        // The boot is persisted through the store's writer, whose commit histogram is on Levity.Storage.
        Assert.Equal("histogram", Exposition.Type(page, "levity_store_commit_seconds"));
        Assert.Contains("levity_store_commit_seconds_bucket{le=\"+Inf\"} ", page, StringComparison.Ordinal);
        Assert.Equal("counter", Exposition.Type(page, "dotnet_gc_collections_total"));
        Assert.DoesNotContain("_total_total", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_OnOcppPort_NotFound()
    {
        await using var server = await MetricsServer.StartAsync();

        using var metrics = await server.Http.GetAsync(new Uri(server.Server.HttpBase, "/metrics"));
        using var ready = await server.Http.GetAsync(new Uri(server.Server.HttpBase, "/readyz"));

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ready.StatusCode);
    }

    [Fact]
    public async Task Metrics_PortUnset_NoMetricsListener()
    {
        await using var server = await LevityTestServer.StartAsync();

        using var http = new HttpClient();
        using var metrics = await http.GetAsync(new Uri(server.HttpBase, "/metrics"));

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.Null(server.Services.GetService<MetricsScraper>());
    }

    [Fact]
    public async Task HealthzAndReadyz_RunningServer_Ok()
    {
        await using var server = await MetricsServer.StartAsync();

        using var health = await server.GetAsync("/healthz");
        using var ready = await server.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok\n", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_DatabaseWriteLockHeldElsewhere_ServiceUnavailable()
    {
        await using var server = await MetricsServer.StartAsync(s => s.Configure<MetricsOptions>(m => m.ReadinessTimeout = TimeSpan.FromSeconds(1)));
        await using (var blocker = new SqliteConnection($"Data Source={server.Server.DatabasePath};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var begin = blocker.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();

            using var blocked = await server.GetAsync("/readyz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, blocked.StatusCode);
            Assert.Equal("database not writable\n", await blocked.Content.ReadAsStringAsync());
        }

        using var released = await server.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
    }
}
