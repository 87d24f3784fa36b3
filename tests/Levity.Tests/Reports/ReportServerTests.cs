using System.Net;
using System.Text.Json.Nodes;
using Levity.Silo.Cli;
using Levity.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Levity.Tests.Reports;

/// <summary>Reports over data that real chargers sent to the real server over WebSocket, read while it runs.</summary>
public sealed class ReportServerTests : IAsyncLifetime
{
    private readonly int _apiPort = Ports.Free();
    private LevityTestServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await LevityTestServer.StartAsync(configure: o => o.ApiPort = _apiPort);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_apiPort}") };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private static object Energy(int tx, string at, double wh, string context = "Sample.Periodic") => new
    {
        connectorId = 1,
        transactionId = tx,
        meterValue = new[]
        {
            new
            {
                timestamp = at,
                sampledValue = new object[]
                {
                    new { value = wh.ToString(System.Globalization.CultureInfo.InvariantCulture), measurand = "Energy.Active.Import.Register", unit = "Wh", context },
                    new { value = "7200", measurand = "Power.Active.Import", unit = "W", context },
                },
            },
        },
    };

    private static async Task<int> StartAsync(TestCharger cp, string idTag, long meterStart, string at) =>
        (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag, meterStart, timestamp = at }))["transactionId"]!.GetValue<int>();

    private void Label(string idTag, string label)
    {
        // The operator's tag list (normally written through the API); a second writer waits its turn.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _server.DatabasePath, Pooling = false, DefaultTimeout = 10 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO id_tag (id_tag, label) VALUES ($t, $l)";
        command.Parameters.AddWithValue("$t", idTag);
        command.Parameters.AddWithValue("$l", label);
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task SessionsOverWebSocket_CliOnTheLiveFileAndApi_AgreeWhileServerRuns()
    {
        Label("H1", "House 1");
        Label("H2", "House 1");
        await using (var a = await _server.ConnectAsync("CP-A"))
        await using (var b = await _server.ConnectAsync("CP-B"))
        {
            await a.CallOkAsync("BootNotification", new { chargePointVendor = "V", chargePointModel = "M" });
            await b.CallOkAsync("BootNotification", new { chargePointVendor = "V", chargePointModel = "M" });
            var done = await StartAsync(a, "h1", 1000, "2026-11-02T10:00:00Z");
            await a.CallOkAsync("MeterValues", Energy(done, "2026-11-02T10:30:00Z", 1500));
            await a.CallOkAsync("StopTransaction", new { transactionId = done, meterStop = 3000, timestamp = "2026-11-02T11:00:00Z", reason = "EVDisconnected" });
            var open = await StartAsync(b, "H2", 500, "2026-11-03T10:00:00Z");
            await b.CallOkAsync("MeterValues", Energy(open, "2026-11-03T10:30:00Z", 900));
            // Open since October with no reading yet: nothing of it falls in November.
            await StartAsync(b, "H3", 900, "2026-10-31T23:00:00Z");
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LevityCli.InvokeAsync(
            ["report", "energy", "--from", "2026-11-01", "--to", "2026-12-01", "--db", _server.DatabasePath, "--format", "json"], output, error);
        Assert.True(exit == 0, error.ToString());
        var cli = JsonNode.Parse(output.ToString())!;

        using var response = await _http.GetAsync(new Uri("/api/reports/energy?from=2026-11-01&to=2026-12-01&by=household", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var api = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        foreach (var report in new[] { cli, api })
        {
            var row = Assert.Single(report["rows"]!.AsArray())!;
            Assert.Equal("House 1", row["group"]!.GetValue<string>());
            Assert.Equal(2000 + 400, row["billedWh"]!.GetValue<long>());
            Assert.Equal(2400, report["total"]!["billedWh"]!.GetValue<long>());
            Assert.Equal(1, report["total"]!["flagged"]!.GetValue<int>());
        }

        Assert.True(JsonNode.DeepEquals(cli, api));
    }

    [Fact]
    public async Task GrizzlERelativeMeterValues_ServerClosesOrphanWithTheRegister_ReportAgrees()
    {
        int tx;
        await using (var cp = await _server.ConnectAsync("GRZ-1"))
        {
            await cp.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E Smart" });
            tx = await StartAsync(cp, "H9", 1_234_000, "2026-11-05T10:00:00Z");
            await cp.CallOkAsync("MeterValues", Energy(tx, "2026-11-05T10:00:00Z", 0, "Transaction.Begin"));
            await cp.CallOkAsync("MeterValues", Energy(tx, "2026-11-05T10:30:00Z", 2500));
            await cp.CallOkAsync("MeterValues", Energy(tx, "2026-11-05T11:00:00Z", 4000));
            // The charger reboots: the built-in plugin closes the session it will never stop.
            await cp.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E Smart" });
        }

        Assert.Equal(1_238_000, Db.Long(_server.DatabasePath, $"SELECT meter_stop FROM tx WHERE id = {tx}"));
        Assert.Equal(4000, Db.Long(_server.DatabasePath, $"SELECT energy_delivered FROM tx WHERE id = {tx}"));

        using var response = await _http.GetAsync(new Uri("/api/reports/transactions?from=2026-11-01&to=2026-12-01", UriKind.Relative));
        var t = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["transactions"]!.AsArray())!;
        Assert.Equal(4000, t["billedWh"]!.GetValue<long>());
        Assert.Equal(["estimated", "session-relative-meter"], t["flags"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task LifetimeMeterValues_ServerClosesOrphanWithTheLastReading()
    {
        int tx;
        await using (var cp = await _server.ConnectAsync("LIFE-1"))
        {
            await cp.CallOkAsync("BootNotification", new { chargePointVendor = "V", chargePointModel = "M" });
            tx = await StartAsync(cp, "H8", 1_234_000, "2026-11-05T10:00:00Z");
            await cp.CallOkAsync("MeterValues", Energy(tx, "2026-11-05T10:30:00Z", 1_236_500));
            await cp.CallOkAsync("BootNotification", new { chargePointVendor = "V", chargePointModel = "M" });
        }

        Assert.Equal(1_236_500, Db.Long(_server.DatabasePath, $"SELECT meter_stop FROM tx WHERE id = {tx}"));
    }

    [Theory]
    [InlineData("from=2026-13-01&to=2026-12-01", "from")]
    [InlineData("from=2026-11-01", "to")]
    [InlineData("from=2026-12-01&to=2026-11-01", "to")]
    [InlineData("from=2026-11-01&to=2026-12-01&tz=Nowhere/City", "tz")]
    [InlineData("from=2026-11-01&to=2026-12-01&by=street", "by")]
    public async Task BadQuery_400NamingTheField(string query, string field)
    {
        using var response = await _http.GetAsync(new Uri("/api/reports/energy?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Contains(field, problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
