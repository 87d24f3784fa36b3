using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Levity.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Levity.Tests.Api;

public sealed class TransactionApiTests : IAsyncLifetime
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

    private async Task<(HttpStatusCode Status, JsonNode? Body)> Get(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> Close(int id, string? body = null)
    {
        using var content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri($"/api/transactions/{id}/close", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static async Task<int> Start(TestCharger cp, int connector, string idTag, int meterStart, string timestamp) =>
        (await cp.CallOkAsync("StartTransaction", new { connectorId = connector, idTag, meterStart, timestamp }))["transactionId"]!.GetValue<int>();

    private static Task<JsonObject> Stop(TestCharger cp, int transactionId, int meterStop, string timestamp, string? reason = null) =>
        cp.CallOkAsync("StopTransaction", reason is null
            ? new { transactionId, meterStop, timestamp }
            : (object)new { transactionId, meterStop, timestamp, reason });

    private static Task<JsonObject> Energy(TestCharger cp, int connector, int transactionId, string timestamp, string wh) =>
        cp.CallOkAsync("MeterValues", new
        {
            connectorId = connector,
            transactionId,
            meterValue = new[] { new { timestamp, sampledValue = new[] { new { value = wh, measurand = "Energy.Active.Import.Register", unit = "Wh" } } } },
        });

    private static int[] Ids(JsonNode page) => [.. page["items"]!.AsArray().Select(t => t!["transactionId"]!.GetValue<int>())];

    [Fact]
    public async Task List_NewestFirst_FiltersAndPages()
    {
        await using var a = await _server.ConnectAsync("TXA");
        await using var b = await _server.ConnectAsync("TXB");
        var a1 = await Start(a, 1, "house1", 100, "2026-10-31T23:00:00Z");
        await Stop(a, a1, 1100, "2026-11-01T01:00:00Z", "Local");
        var a2 = await Start(a, 1, "HOUSE1", 1100, "2026-11-05T10:00:00Z");
        await Stop(a, a2, 1600, "2026-11-05T12:00:00Z");
        var a3 = await Start(a, 2, "house2", 0, "2026-11-20T08:00:00Z");
        var b1 = await Start(b, 1, "house1", 50, "2026-11-10T08:00:00Z");

        var (status, all) = await Get("/api/transactions");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([a3, b1, a2, a1], Ids(all!));
        Assert.Equal(4, all!["total"]!.GetValue<int>());
        Assert.Equal(50, all["limit"]!.GetValue<int>());
        Assert.Equal(0, all["offset"]!.GetValue<int>());

        var completed = all["items"]!.AsArray().Single(t => t!["transactionId"]!.GetValue<int>() == a1)!;
        Assert.Equal("TXA", completed["chargePointId"]!.GetValue<string>());
        Assert.Equal(1, completed["connectorId"]!.GetValue<int>());
        Assert.Equal("house1", completed["idTag"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-10-31T23:00:00Z", CultureInfo.InvariantCulture), completed["startTime"]!.GetValue<DateTimeOffset>());
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T01:00:00Z", CultureInfo.InvariantCulture), completed["stopTime"]!.GetValue<DateTimeOffset>());
        Assert.Equal(100, completed["meterStart"]!.GetValue<long>());
        Assert.Equal(1100, completed["meterStop"]!.GetValue<long>());
        Assert.Equal(1000, completed["energyWh"]!.GetValue<long>());
        Assert.Equal("Local", completed["stopReason"]!.GetValue<string>());
        Assert.Equal("Completed", completed["status"]!.GetValue<string>());
        var active = all["items"]![0]!;
        Assert.Equal("Active", active["status"]!.GetValue<string>());
        Assert.Null(active["stopTime"]);
        Assert.Null(active["meterStop"]);
        Assert.Null(active["energyWh"]);

        Assert.Equal([a3, a2, a1], Ids((await Get("/api/transactions?chargePointId=TXA")).Body!));
        Assert.Equal([b1, a2, a1], Ids((await Get("/api/transactions?idTag=House1")).Body!));
        Assert.Equal([a3, b1], Ids((await Get("/api/transactions?active=true")).Body!));
        Assert.Equal([a2, a1], Ids((await Get("/api/transactions?active=false")).Body!));
        Assert.Equal([b1, a2], Ids((await Get("/api/transactions?from=2026-11-01T00:00:00Z&to=2026-11-20T08:00:00Z")).Body!));
        Assert.Equal([a2], Ids((await Get("/api/transactions?chargePointId=TXA&active=false&from=2026-11-01T00:00:00Z")).Body!));

        var (_, page) = await Get("/api/transactions?limit=2&offset=1");
        Assert.Equal([b1, a2], Ids(page!));
        Assert.Equal(4, page!["total"]!.GetValue<int>());
        Assert.Equal(2, page["limit"]!.GetValue<int>());
        Assert.Equal(1, page["offset"]!.GetValue<int>());
        Assert.Empty(Ids((await Get("/api/transactions?offset=10")).Body!));
    }

    [Theory]
    [InlineData("active=yes", "active")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task List_BadQuery_400NamingTheParameter(string query, string parameter)
    {
        var (status, body) = await Get("/api/transactions?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(parameter + ":", body!["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_LimitAtMaximum_Accepted()
    {
        var (status, body) = await Get("/api/transactions?limit=1000");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1000, body!["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_TransactionWithMeterValuesInTimeOrder_UnknownIs404()
    {
        await using var cp = await _server.ConnectAsync("TXG");
        var tx = await Start(cp, 1, "tagG", 1000, "2026-11-01T10:00:00Z");
        await Energy(cp, 1, tx, "2026-11-01T10:30:00Z", "1500");
        await Energy(cp, 1, tx, "2026-11-01T10:15:00Z", "1200");
        await cp.CallOkAsync("MeterValues", new
        {
            connectorId = 1,
            transactionId = tx,
            meterValue = new[] { new { timestamp = "2026-11-01T10:45:00Z", sampledValue = new[] { new { value = "16.2", measurand = "Current.Import", unit = "A", phase = "L1", context = "Sample.Periodic", location = "Outlet" } } } },
        });
        await Stop(cp, tx, 2000, "2026-11-01T11:00:00Z");

        var (status, detail) = await Get($"/api/transactions/{tx}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(tx, detail!["transactionId"]!.GetValue<int>());
        Assert.Equal(1000, detail["energyWh"]!.GetValue<long>());
        var values = detail["meterValues"]!.AsArray();
        Assert.Equal([1200.0, 1500.0, 16.2], values.Select(v => v!["value"]!.GetValue<double>()));
        Assert.Equal("Energy.Active.Import.Register", values[0]!["measurand"]!.GetValue<string>());
        Assert.Equal("Wh", values[0]!["unit"]!.GetValue<string>());
        Assert.Null(values[0]!["phase"]);
        Assert.Equal(1, values[2]!["connectorId"]!.GetValue<int>());
        Assert.Equal("L1", values[2]!["phase"]!.GetValue<string>());
        Assert.Equal("Outlet", values[2]!["location"]!.GetValue<string>());
        Assert.Equal("Sample.Periodic", values[2]!["context"]!.GetValue<string>());
        Assert.Equal("Raw", values[2]!["format"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T10:45:00Z", CultureInfo.InvariantCulture), values[2]!["timestamp"]!.GetValue<DateTimeOffset>());
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/api/transactions/999999")).Status);
    }

    [Fact]
    public async Task Close_OpenTransaction_ClosedAtLastReadingWithoutCallingTheCharger()
    {
        await using var cp = await _server.ConnectAsync("TXC");
        var tx = await Start(cp, 1, "tagC", 1000, "2026-11-01T10:00:00Z");
        var other = await Start(cp, 2, "tagD", 0, "2026-11-01T10:05:00Z");
        await Energy(cp, 1, tx, "2026-11-01T10:30:00Z", "1750");

        var (status, closed) = await Close(tx, """{"reason":"StaleAfterPowerCut"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Completed", closed!["status"]!.GetValue<string>());
        Assert.Equal(1750, closed["meterStop"]!.GetValue<long>());
        Assert.Equal(750, closed["energyWh"]!.GetValue<long>());
        Assert.Equal("StaleAfterPowerCut", closed["stopReason"]!.GetValue<string>());
        Assert.NotNull(closed["stopTime"]);
        Assert.False(cp.TryGetServerCall(out _));
        Assert.Equal(1, Db.Long(_server.DatabasePath, $"SELECT COUNT(*) FROM anomaly WHERE kind = 'OrphanClosed' AND tx_id = {tx}"));
        Assert.Equal("Active", Db.Scalar(_server.DatabasePath, $"SELECT status FROM tx WHERE id = {other}"));
        var (_, state) = await Get("/api/chargepoints/TXC");
        Assert.Equal([other], state!["openTransactions"]!.AsArray().Select(t => t!["transactionId"]!.GetValue<int>()));

        var (again, problem) = await Close(tx);
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("already closed", problem!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Close(999999)).Status);

        // The charger's own late stop is answered and never counts the energy twice.
        await Stop(cp, tx, 1750, "2026-11-01T11:00:00Z");
        Assert.Equal(750, Db.Long(_server.DatabasePath, $"SELECT energy_delivered FROM tx WHERE id = {tx}"));
    }

    [Fact]
    public async Task Close_NoBody_DefaultReasonAndMeterStartWithoutReadings()
    {
        await using var cp = await _server.ConnectAsync("TXD");
        var tx = await Start(cp, 1, "tagD", 4200, "2026-11-01T10:00:00Z");

        var (status, closed) = await Close(tx);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ClosedByOperator", closed!["stopReason"]!.GetValue<string>());
        Assert.Equal(4200, closed["meterStop"]!.GetValue<long>());
        Assert.Equal(0, closed["energyWh"]!.GetValue<long>());
    }

    [Fact]
    public async Task Close_ChargerOffline_ClosedThroughItsGrain()
    {
        int tx;
        await using (var cp = await _server.ConnectAsync("TXO"))
        {
            tx = await Start(cp, 1, "tagO", 10, "2026-11-01T10:00:00Z");
            await Energy(cp, 1, tx, "2026-11-01T10:10:00Z", "310");
        }

        await PluginsWait.Until(async () => !(await Get("/api/chargepoints/TXO")).Body!["isConnected"]!.GetValue<bool>());
        var (status, closed) = await Close(tx, """{"reason":"ChargerGone"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(300, closed!["energyWh"]!.GetValue<long>());
        Assert.Empty((await Get("/api/chargepoints/TXO")).Body!["openTransactions"]!.AsArray());
    }

    /// <summary>
    /// A row made Active behind the grain's back (SQL by hand) is not in the grain's open set: it
    /// is still closed, from the stored row and its last reading, on the orphan path.
    /// </summary>
    [Fact]
    public async Task Close_ActiveInDatabaseButNotInGrain_ClosedFromTheStoredRow()
    {
        await using var cp = await _server.ConnectAsync("TXS");
        var known = await Start(cp, 1, "tagS", 0, "2026-11-01T10:00:00Z");
        var hidden = InsertActiveBehindTheGrain("TXS", connector: 1, meterStart: 500);
        await using (var connection = OpenWritable())
        {
            await connection.OpenAsync();
            using var insert = connection.CreateCommand();
            insert.CommandText = $"""
                INSERT INTO meter_val (tx_id, cp_id, cp_conn_id, timestamp, measurand, value, unit, context, location, phase, format, created_at)
                VALUES ({hidden}, 'TXS', 1, '2026-11-01T09:30:00.000000+00:00', 'Energy.Active.Import.Register', 0.8, 'kWh', 'Sample.Periodic', 'Outlet', '', 'Raw', '2026-11-01 09:30:00')
                """;
            await insert.ExecuteNonQueryAsync();
        }

        var (_, before) = await Get("/api/chargepoints/TXS");
        Assert.DoesNotContain(before!["openTransactions"]!.AsArray(), t => t!["transactionId"]!.GetValue<int>() == hidden);

        var (status, closed) = await Close(hidden);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(800, closed!["meterStop"]!.GetValue<long>());
        Assert.Equal(300, closed["energyWh"]!.GetValue<long>());
        Assert.Equal(1, Db.Long(_server.DatabasePath, $"SELECT COUNT(*) FROM anomaly WHERE kind = 'OrphanClosed' AND tx_id = {hidden}"));
        var (_, after) = await Get("/api/chargepoints/TXS");
        Assert.Equal([known], after!["openTransactions"]!.AsArray().Select(t => t!["transactionId"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{"reason":""}""")]
    [InlineData("""{"reason":42}""")]
    public async Task Close_BadBody_400AndStillOpen(string body)
    {
        await using var cp = await _server.ConnectAsync("TXB");
        var tx = await Start(cp, 1, "tagB", 0, "2026-11-01T10:00:00Z");

        var (status, _) = await Close(tx, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Active", Db.Scalar(_server.DatabasePath, $"SELECT status FROM tx WHERE id = {tx}"));
    }

    private SqliteConnection OpenWritable() =>
        new(new SqliteConnectionStringBuilder { DataSource = _server.DatabasePath, Pooling = false, DefaultTimeout = 30 }.ToString());

    private int InsertActiveBehindTheGrain(string chargePointId, int connector, long meterStart)
    {
        using var connection = OpenWritable();
        connection.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO tx (cp_id, cp_conn_id, id_tag, start_time, meter_start, status, created_at, updated_at)
            SELECT '{chargePointId}', id, 'bySql', '2026-11-01T09:00:00.000000+00:00', {meterStart}, 'Active', '2026-11-01 09:00:00', '2026-11-01 09:00:00'
            FROM cp_conn WHERE cp_id = '{chargePointId}' AND conn_id = {connector}
            RETURNING id
            """;
        return Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
