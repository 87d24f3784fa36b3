using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Levity.Tests.Support;
using static Levity.Tests.Client.CliRun;

namespace Levity.Tests.Client;

public sealed class TransactionCliTests : IAsyncLifetime
{
    private readonly int _apiPort = Ports.Free();
    private LevityTestServer _server = null!;

    private string Url => $"http://127.0.0.1:{_apiPort}";

    public async Task InitializeAsync() => _server = await LevityTestServer.StartAsync(configure: o => o.ApiPort = _apiPort);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<int> Start(TestCharger cp, int connector, string idTag, int meterStart, string timestamp) =>
        (await cp.CallOkAsync("StartTransaction", new { connectorId = connector, idTag, meterStart, timestamp }))["transactionId"]!.GetValue<int>();

    private static Task<JsonObject> Stop(TestCharger cp, int transactionId, int meterStop, string timestamp) =>
        cp.CallOkAsync("StopTransaction", new { transactionId, meterStop, timestamp, reason = "EVDisconnected" });

    private static Task<JsonObject> Energy(TestCharger cp, int transactionId, string timestamp, string wh) =>
        cp.CallOkAsync("MeterValues", new
        {
            connectorId = 1,
            transactionId,
            meterValue = new[]
            {
                new
                {
                    timestamp,
                    sampledValue = new object[]
                    {
                        new { value = wh, measurand = "Energy.Active.Import.Register", unit = "Wh", context = "Sample.Periodic" },
                        new { value = "15.5", measurand = "Current.Import", unit = "A", context = "Sample.Periodic" },
                    },
                },
            },
        });

    private static string Id(int tx) => tx.ToString(CultureInfo.InvariantCulture);

    /// <summary>The table's cells: columns are at least two spaces apart, and no cell holds two spaces.</summary>
    private static string[] Cells(string line) => Regex.Split(line.Trim(), " {2,}");

    private static string[] Row(string output, int tx) =>
        Cells(Assert.Single(Lines(output), l => l.StartsWith(Id(tx) + " ", StringComparison.Ordinal)));

    [Fact]
    public async Task List_FinishedAndOpen_EnergyInWhAndKwh_Footer()
    {
        await using var cp = await _server.ConnectAsync("TXC1");
        var done = await Start(cp, 1, "H7", 1000, "2026-11-01T08:00:00Z");
        await Stop(cp, done, 13345, "2026-11-01T10:30:00Z");
        var open = await Start(cp, 1, "H8", 13345, "2026-11-02T08:00:00Z");

        var (exit, output, error) = await Run("tx", "list", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var lines = Lines(output);
        Assert.Equal(["TX", "CHARGER", "CONN", "ID TAG", "STARTED (UTC)", "STOPPED (UTC)", "ENERGY Wh", "ENERGY kWh", "STATUS", "STOP REASON"], Cells(lines[0]));
        var doneRow = Row(output, done);
        Assert.Equal([Id(done), "TXC1", "1", "H7", "2026-11-01 08:00:00", "2026-11-01 10:30:00", "12345", "12.345"], doneRow[..8]);
        Assert.Equal("EVDisconnected", doneRow[^1]);
        var openRow = Row(output, open);
        Assert.Equal([Id(open), "TXC1", "1", "H8", "2026-11-02 08:00:00", "-", "-", "-"], openRow[..8]);
        Assert.Equal("1-2 of 2 transactions", lines[^1]);
    }

    [Fact]
    public async Task List_Filters_ReachTheServer()
    {
        await using var a = await _server.ConnectAsync("TXC2");
        await using var b = await _server.ConnectAsync("TXC3");
        var a1 = await Start(a, 1, "H7", 0, "2026-11-01T08:00:00Z");
        await Stop(a, a1, 500, "2026-11-01T09:00:00Z");
        var a2 = await Start(a, 1, "H7", 500, "2026-11-03T08:00:00Z");
        var b1 = await Start(b, 1, "H9", 0, "2026-11-04T08:00:00Z");

        async Task<int[]> Ids(params string[] filters)
        {
            var (exit, output, error) = await Run(["tx", "list", "--json", "--url", Url, .. filters]);
            Assert.True(exit == 0, error);
            return [.. JsonNode.Parse(output)!["items"]!.AsArray().Select(t => t!["transactionId"]!.GetValue<int>()).Order()];
        }

        Assert.Equal([a2, b1], await Ids("--active"));
        Assert.Equal([a1], await Ids("--closed"));
        Assert.Equal([a1, a2], await Ids("--cp", "TXC2"));
        Assert.Equal([b1], await Ids("--id-tag", "H9"));
        Assert.Equal([a2, b1], await Ids("--from", "2026-11-02"));
        Assert.Equal([a1], await Ids("--to", "2026-11-02T00:00:00+01:00"));
        Assert.Equal([a2], await Ids("--cp", "TXC2", "--active", "--from", "2026-11-01T08:00:01Z"));
    }

    [Fact]
    public async Task List_OnePage_FooterSaysHowToGetTheNext()
    {
        await using var cp = await _server.ConnectAsync("TXC4");
        for (var i = 0; i < 3; i++)
        {
            var tx = await Start(cp, 1, "H7", i * 100, $"2026-11-0{i + 1}T08:00:00Z");
            await Stop(cp, tx, (i * 100) + 50, $"2026-11-0{i + 1}T09:00:00Z");
        }

        var first = await Run("tx", "list", "--limit", "2", "--url", Url);
        var second = await Run("tx", "list", "--limit", "2", "--offset", "2", "--url", Url);
        var none = await Run("tx", "list", "--id-tag", "NOBODY", "--url", Url);

        Assert.Equal("1-2 of 3 transactions; --offset 2 for more", Lines(first.Out)[^1]);
        Assert.Equal(4, Lines(first.Out).Length);
        Assert.Equal("3-3 of 3 transactions", Lines(second.Out)[^1]);
        Assert.Equal(0, none.Exit);
        Assert.Equal("No transactions match." + Environment.NewLine, none.Out);
    }

    [Fact]
    public async Task Show_Transaction_FieldsAndMeterValues()
    {
        await using var cp = await _server.ConnectAsync("TXC5");
        var tx = await Start(cp, 1, "H7", 1000, "2026-11-01T08:00:00Z");
        await Energy(cp, tx, "2026-11-01T08:15:00Z", "1500");
        await Stop(cp, tx, 2500, "2026-11-01T08:30:00Z");

        var (exit, output, error) = await Run("tx", "show", Id(tx), "--url", Url);
        var json = await Run("tx", "show", Id(tx), "--json", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var lines = Lines(output);
        Assert.Equal($"Transaction {Id(tx)}", lines[0]);
        Assert.Contains(["Charger", "TXC5"], lines.Select(Cells));
        Assert.Contains(["Energy", "1.500 kWh (1500 Wh)"], lines.Select(Cells));
        Assert.Contains(["Stopped (UTC)", "2026-11-01 08:30:00"], lines.Select(Cells));
        Assert.Contains(["2026-11-01 08:15:00", "1", "Energy.Active.Import.Register", "1500", "Wh", "Sample.Periodic", "-", "Outlet"], lines.Select(Cells));
        Assert.Contains(["2026-11-01 08:15:00", "1", "Current.Import", "15.5", "A", "Sample.Periodic", "-", "Outlet"], lines.Select(Cells));
        Assert.Equal(0, json.Exit);
        Assert.Equal(2, JsonNode.Parse(json.Out)!["meterValues"]!.AsArray().Count(v => v!["timestamp"] is not null));
    }

    [Fact]
    public async Task Show_Unknown_Exit1_404()
    {
        var (exit, output, error) = await Run("tx", "show", "987654", "--url", Url);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("levity: Unknown transaction 987654. (HTTP 404)" + Environment.NewLine, error);
    }

    [Fact]
    public async Task Close_OpenTransaction_ClosedAtLastReading_SecondClose409()
    {
        await using var cp = await _server.ConnectAsync("TXC6");
        var tx = await Start(cp, 1, "H7", 1000, "2026-11-01T08:00:00Z");
        await Energy(cp, tx, "2026-11-01T08:15:00Z", "3000");

        var (exit, output, error) = await Run("tx", "close", Id(tx), "--reason", "ChargerReplaced", "--url", Url);
        var again = await Run("tx", "close", Id(tx), "--url", Url);
        var active = await Run("tx", "list", "--active", "--json", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var lines = Lines(output);
        Assert.Equal($"Closed transaction {Id(tx)}.", lines[0]);
        Assert.Contains(["Stop reason", "ChargerReplaced"], lines.Select(Cells));
        Assert.Contains(["Energy", "2.000 kWh (2000 Wh)"], lines.Select(Cells));
        Assert.Equal(1, again.Exit);
        Assert.StartsWith($"levity: Transaction {Id(tx)} is already closed", again.Err, StringComparison.Ordinal);
        Assert.EndsWith("(HTTP 409)" + Environment.NewLine, again.Err, StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(active.Out)!["items"]!.AsArray());
    }
}
