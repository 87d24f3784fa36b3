using System.Net;
using Levity.Silo.Metrics;
using Levity.Storage;
using Levity.Tests.Metrics.Support;
using Levity.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Metrics;

/// <summary>
/// The database refuses writes while the server runs (here: another program holds its write lock
/// past the busy timeout): chargers get CALLERRORs and stay connected, /readyz says so, the
/// failures are counted, and everything works again once the database does.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class StoreFailureTests
{
    private static readonly object Available = new { connectorId = 1, errorCode = "NoError", status = "Available" };
    private static readonly object Preparing = new { connectorId = 1, errorCode = "NoError", status = "Preparing" };

    [Fact]
    public async Task WritesFailing_CallErrorNotDrop_ReadyzDown_Counted_ThenRecovers()
    {
        await using var server = await MetricsServer.StartAsync(s =>
        {
            s.Configure<MetricsOptions>(m => m.ReadinessTimeout = TimeSpan.FromSeconds(1));
            s.Configure<StoreOptions>(o => o.BusyTimeout = TimeSpan.FromMilliseconds(500));
        });
        await using var charger = await server.Server.ConnectAsync("CP-DISK");
        await charger.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E Smart" });
        await charger.CallOkAsync("StatusNotification", Available);
        var failuresBefore = Exposition.Sample(await server.ScrapeAsync(), "levity_store_write_failures_total");

        await using (var blocker = new SqliteConnection($"Data Source={server.Server.DatabasePath};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var begin = blocker.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();

            var refused = await charger.CallAsync("StatusNotification", Preparing);
            // A charger reconnecting meanwhile is not dropped either: its connection is not recorded, its messages are answered.
            await using var reconnecting = await server.Server.ConnectAsync("CP-DISK-2");
            var refusedToo = await reconnecting.CallAsync("StatusNotification", Available);
            using var notReady = await server.GetAsync("/readyz");
            var failuresDuring = Exposition.Sample(await server.ScrapeAsync(), "levity_store_write_failures_total");

            Assert.Equal((4, "InternalError"), (refused[0]!.GetValue<int>(), refused[2]!.GetValue<string>()));
            Assert.Equal((4, "InternalError"), (refusedToo[0]!.GetValue<int>(), refusedToo[2]!.GetValue<string>()));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal("database not writable\n", await notReady.Content.ReadAsStringAsync());
            Assert.True(failuresDuring >= failuresBefore + 2, $"failures {failuresBefore} -> {failuresDuring}");
            Assert.Equal("Available", Db.Scalar(server.Server.DatabasePath, "SELECT status FROM cp_conn WHERE cp_id = 'CP-DISK' AND conn_id = 1"));
        }

        await charger.CallOkAsync("StatusNotification", Preparing);
        using var ready = await server.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Preparing", Db.Scalar(server.Server.DatabasePath, "SELECT status FROM cp_conn WHERE cp_id = 'CP-DISK' AND conn_id = 1"));
        Assert.Equal("counter", Exposition.Type(await server.ScrapeAsync(), "levity_store_write_failures_total"));
    }
}
