using System.Collections.Concurrent;
using System.Globalization;
using Levity.Tests.Support;

namespace Levity.Tests.CentralSystem;

/// <summary>The durability contract against the real process: what was answered is on disk.</summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("levity-crash-").FullName;

    private string DatabasePath => Path.Combine(_directory, "levity.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Sigkill_UnderLoad_LosesNothingThatWasAnswered()
    {
        var startedTx = new ConcurrentBag<int>();
        var stoppedTx = new ConcurrentDictionary<int, int>();
        var samples = new ConcurrentBag<long>();

        using (var server = await LevityProcess.StartAsync(DatabasePath))
        {
            using var stop = new CancellationTokenSource();
            var chargers = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
            {
                try
                {
                    await using var cp = await TestCharger.ConnectAsync(new Uri(server.WsBase, $"ws/KILL{i}"));
                    for (var seq = 0L; !stop.IsCancellationRequested; seq++)
                    {
                        var meter = (int)(seq * 10);
                        var tx = (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = $"T{i}", meterStart = meter, timestamp = Now() }))["transactionId"]!.GetValue<int>();
                        startedTx.Add(tx);
                        var value = (i * 1_000_000_000L) + seq;
                        await cp.CallOkAsync("MeterValues", new { connectorId = 1, transactionId = tx, meterValue = new[] { new { timestamp = Now(), sampledValue = new[] { new { value = value.ToString(CultureInfo.InvariantCulture), measurand = "Voltage", unit = "V" } } } } });
                        samples.Add(value);
                        await cp.CallOkAsync("StopTransaction", new { transactionId = tx, meterStop = meter + 5, timestamp = Now() });
                        stoppedTx[tx] = meter + 5;
                    }
                }
                catch (Exception)
                {
                    // The kill cuts every socket mid-call; only answered calls count.
                }
            })).ToArray();

            while (stoppedTx.Count < 100)
            {
                await Task.Delay(20);
            }

            server.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(chargers);
        }

        // Restart on the same file: it opens, and everything answered before the kill is there.
        using (var restarted = await LevityProcess.StartAsync(DatabasePath))
        {
            await using var cp = await TestCharger.ConnectAsync(new Uri(restarted.WsBase, "ws/AFTER"));
            await cp.CallOkAsync("Heartbeat", new { });
        }

        var txRows = Db.Query(DatabasePath, "SELECT id, status, meter_stop FROM tx").ToDictionary(r => (int)(long)r[0]!, r => (Status: (string)r[1]!, MeterStop: r[2] as long?));
        Assert.All(startedTx, tx => Assert.True(txRows.ContainsKey(tx), $"answered StartTransaction {tx} lost"));
        Assert.All(stoppedTx, s => Assert.Equal(("Completed", (long?)s.Value), txRows[s.Key]));
        var storedValues = Db.Query(DatabasePath, "SELECT value FROM meter_val WHERE measurand = 'Voltage'").Select(r => (long)(double)r[0]!).ToHashSet();
        Assert.All(samples, v => Assert.Contains(v, storedValues));
        Assert.True(samples.Count >= 100);
    }

    [Fact]
    public async Task Sigterm_ExitsZeroWithinTenSeconds()
    {
        using var server = await LevityProcess.StartAsync(DatabasePath);
        await using (var cp = await TestCharger.ConnectAsync(new Uri(server.WsBase, "ws/TERM1")))
        {
            await cp.CallOkAsync("BootNotification", new { chargePointVendor = "V", chargePointModel = "M" });
            var closing = cp.WaitClosedAsync();

            var (exitCode, took) = await server.TerminateAsync();

            Assert.Equal(0, exitCode);
            Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
            Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, await closing);
        }

        Assert.Equal(0, Db.Long(DatabasePath, "SELECT is_connected FROM cp WHERE id = 'TERM1'"));
    }
}
