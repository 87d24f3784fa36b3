using Levity.Silo.Cli;
using Levity.Tests.Support;

namespace Levity.Tests.Cli;

/// <summary>`levity backup --to FILE`, run as its own process against the file of a server that keeps writing.</summary>
public sealed class BackupCommandTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Backup_WhileServerWrites_ConsistentCheckedSingleFileCopy()
    {
        await using var server = await LevityTestServer.StartAsync();
        var folder = Path.GetDirectoryName(server.DatabasePath)!;
        await using var charger = await server.ConnectAsync("CP-BACKUP");
        await charger.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E Smart" });
        var started = await charger.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "HOUSE-7", meterStart = 1000, timestamp = Start });
        var transactionId = started["transactionId"]!.GetValue<int>();
        using var stopWriting = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            var wh = 1000;
            while (!stopWriting.IsCancellationRequested)
            {
                wh += 10;
                await charger.CallOkAsync("MeterValues", new
                {
                    connectorId = 1,
                    transactionId,
                    meterValue = new[] { new { timestamp = Start.AddSeconds(wh), sampledValue = new[] { new { value = wh.ToString(System.Globalization.CultureInfo.InvariantCulture), measurand = "Energy.Active.Import.Register", unit = "Wh" } } } },
                });
            }
        });
        await WaitForReadingsAsync(server.DatabasePath, 20);
        var target = Path.Combine(folder, "copy.db");

        var (exitCode, output, errors) = await LevityCommand.RunAsync(folder, unprivileged: false, "backup", "--db", server.DatabasePath, "--to", target);
        var readingsAfter = Count(server.DatabasePath, "SELECT COUNT(*) FROM meter_val");
        await stopWriting.CancelAsync();
        await writing;

        Assert.True(exitCode == LevityCli.ExitOk, string.Join('\n', errors));
        Assert.Matches($@"^Copied '{System.Text.RegularExpressions.Regex.Escape(server.DatabasePath)}' to '{System.Text.RegularExpressions.Regex.Escape(target)}' \([0-9.]+ MiB, schema version {Levity.Storage.Schema.MigrationCatalog.LatestVersion}, quick check ok\)\.\n$", output);
        Assert.Equal("ok", Db.Scalar(target, "PRAGMA quick_check"));
        Assert.Equal("delete", Db.Scalar(target, "PRAGMA journal_mode"));
        Assert.Equal(["copy.db"], Directory.GetFiles(folder, "copy.db*").Select(Path.GetFileName));
        Assert.Equal("HOUSE-7", Db.Scalar(target, $"SELECT id_tag FROM tx WHERE id = {transactionId}"));
        Assert.InRange(Count(target, "SELECT COUNT(*) FROM meter_val"), 20, readingsAfter);
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
    }

    [Fact]
    public async Task Backup_TargetExists_Exit2_TargetUntouched()
    {
        var folder = Directory.CreateTempSubdirectory("levity-backup-").FullName;
        try
        {
            await using (await LevityTestServer.StartAsync(Path.Combine(folder, "levity.db")))
            {
            }

            var target = Path.Combine(folder, "copy.db");
            await File.WriteAllTextAsync(target, "last week's copy");

            var (exitCode, _, errors) = await LevityCommand.RunAsync(folder, unprivileged: false, "backup", "--to", target);

            Assert.Equal(LevityCli.ExitUsage, exitCode);
            Assert.Equal($"levity backup: --to: '{target}' already exists; choose another name or remove it first.", Assert.Single(errors));
            Assert.Equal("last week's copy", await File.ReadAllTextAsync(target));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long Count(string path, string sql) => Convert.ToInt64(Db.Scalar(path, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitForReadingsAsync(string path, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Count(path, "SELECT COUNT(*) FROM meter_val") < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
