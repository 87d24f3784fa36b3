using Levity.Grains.Interfaces.ChargePoints;

using Levity.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.CentralSystem;

public sealed class RestartDurabilityTests
{
    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ActiveTransaction_SurvivesRestart_StopsLater_IdsNeverReused()
    {
        await using var server = await LevityTestServer.StartAsync();
        int tx;
        await using (var cp = await server.ConnectAsync("RS1"))
        {
            tx = (await cp.CallOkAsync("StartTransaction", new { connectorId = 2, idTag = "T", meterStart = 100, timestamp = Now() }))["transactionId"]!.GetValue<int>();
            await cp.CallOkAsync("MeterValues", new { connectorId = 2, transactionId = tx, meterValue = new[] { new { timestamp = Now(), sampledValue = new[] { new { value = "350" } } } } });
        }

        await server.StopAsync();
        await server.StartAsync();

        var state = await server.Services.GetRequiredService<IGrainFactory>().GetGrain<IChargePointGrain>("RS1").GetState();
        var open = Assert.Single(state.OpenTransactions);
        Assert.Equal(tx, open.TransactionId);
        Assert.Equal(2, open.ConnectorId);
        Assert.Equal(350, open.LastEnergyWh);

        await using (var cp = await server.ConnectAsync("RS1"))
        {
            await cp.CallOkAsync("StopTransaction", new { transactionId = tx, meterStop = 400, timestamp = Now() });
            var next = (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "T", meterStart = 400, timestamp = Now() }))["transactionId"]!.GetValue<int>();
            Assert.True(next > tx);
        }

        Assert.Equal(300, Db.Long(server.DatabasePath, $"SELECT energy_delivered FROM tx WHERE id = {tx}"));
    }

    [Fact]
    public async Task ReplacingConnection_OldCleanup_DoesNotMarkChargerDisconnected()
    {
        await using var server = await LevityTestServer.StartAsync();
        var first = await server.ConnectAsync("DUP1");
        await first.CallOkAsync("Heartbeat", new { });

        await using var second = await server.ConnectAsync("DUP1");
        await second.CallOkAsync("Heartbeat", new { });
        await first.WaitClosedAsync();
        await first.DisposeAsync();
        await second.CallOkAsync("Heartbeat", new { });

        var state = await server.Services.GetRequiredService<IGrainFactory>().GetGrain<IChargePointGrain>("DUP1").GetState();
        Assert.True(state.IsConnected);
        Assert.Equal(1, Db.Long(server.DatabasePath, "SELECT is_connected FROM cp WHERE id = 'DUP1'"));
    }

    [Fact]
    public async Task PythonSampleDatabase_OpensAndContinues()
    {
        var directory = Directory.CreateTempSubdirectory("levity-py-").FullName;
        var path = Path.Combine(directory, "levity.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "levity-py-sample.db"), path);
        try
        {
            await using var server = await LevityTestServer.StartAsync(path);
            var maxBefore = Db.Long(path, "SELECT MAX(id) FROM tx");
            var openTx = Db.Long(path, "SELECT id FROM tx WHERE cp_id = 'GRZ00000' AND status = 'Active'");
            var meterStart = Db.Long(path, $"SELECT meter_start FROM tx WHERE id = {openTx}");

            await using (var cp = await server.ConnectAsync("GRZ00000"))
            {
                // No BootNotification: a boot would close the open transaction as an orphan (see the plugin tests).
                await cp.CallOkAsync("Heartbeat", new { });
                await cp.CallOkAsync("StopTransaction", new { transactionId = (int)openTx, meterStop = (int)meterStart + 2000, timestamp = Now(), reason = "Local" });
                var next = (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "TAGGRZ00000", meterStart = (int)meterStart + 2000, timestamp = Now() }))["transactionId"]!.GetValue<long>();
                Assert.True(next > maxBefore);
            }

            Assert.Equal([2000L, "Completed"], Db.Query(path, $"SELECT energy_delivered, status FROM tx WHERE id = {openTx}").Single());
            // The Python version's billing query still works and now includes the new session.
            var billed = Db.Query(path, "SELECT cp_id, SUM(energy_delivered) FROM tx WHERE status = 'Completed' GROUP BY cp_id ORDER BY cp_id");
            Assert.Equal(["GRZ00000", 3000L], billed[0]);
            Assert.Equal(96, Db.Long(path, "SELECT COUNT(*) FROM meter_val WHERE id <= 96"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
