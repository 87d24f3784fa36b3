using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Levity.Silo.Configuration;
using Levity.Tests.Support;

namespace Levity.Tests.Api;

public sealed class OperatorApiTests : IAsyncLifetime
{
    private readonly int _apiPort = Ports.Free();
    private LevityTestServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await LevityTestServer.StartAsync(configure: o =>
        {
            o.ApiPort = _apiPort;
            o.ResponseTimeout = 1;
        });
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_apiPort}") };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostCall(string id, string action, string payload) =>
        _http.PostAsync(new Uri($"/api/chargepoints/{id}/calls/{action}", UriKind.Relative), new StringContent(payload, Encoding.UTF8, "application/json"));

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Theory]
    [InlineData("Reset", """{"type":"Soft"}""", """{"status":"Accepted"}""")]
    [InlineData("UnlockConnector", """{"connectorId":99}""", """{"status":"NotSupported"}""")]
    [InlineData("CancelReservation", """{"reservationId":123456}""", """{"status":"Rejected"}""")]
    [InlineData("GetConfiguration", """{"key":["HeartbeatInterval"]}""", """{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"60"}]}""")]
    [InlineData("TriggerMessage", """{"requestedMessage":"StatusNotification","connectorId":1}""", """{"status":"Accepted"}""")]
    public async Task Call_ReachesChargerVerbatim_AnswerComesBack(string action, string payload, string answer)
    {
        await using var cp = await _server.ConnectAsync("API1");
        await cp.CallOkAsync("Heartbeat", new { });

        var posting = PostCall("API1", action, payload);
        var call = await cp.NextServerCallAsync();
        Assert.Equal(action, call[2]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(payload), call[3]));
        await cp.SendRawAsync($"[3,\"{call[1]!.GetValue<string>()}\",{answer}]");
        using var response = await posting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(answer), await Json(response)));
    }

    [Fact]
    public async Task Call_ChargerAnswersCallError_200WithCallError()
    {
        await using var cp = await _server.ConnectAsync("API2");
        await cp.CallOkAsync("Heartbeat", new { });

        var posting = PostCall("API2", "ClearCache", "{}");
        var call = await cp.NextServerCallAsync();
        await cp.SendRawAsync($$"""[4,"{{call[1]!.GetValue<string>()}}","NotImplemented","no cache here",{"why":"none"}]""");
        using var response = await posting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.Equal("NotImplemented", body["callError"]!["code"]!.GetValue<string>());
        Assert.Equal("no cache here", body["callError"]!["description"]!.GetValue<string>());
        Assert.Equal("none", body["callError"]!["details"]!["why"]!.GetValue<string>());
    }

    [Fact]
    public async Task Call_NoAnswer_504()
    {
        await using var cp = await _server.ConnectAsync("API3");
        await cp.CallOkAsync("Heartbeat", new { });

        using var response = await PostCall("API3", "Reset", """{"type":"Hard"}""");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task Call_UnknownCharger404_KnownButOffline409()
    {
        await using (var cp = await _server.ConnectAsync("API4"))
        {
            await cp.CallOkAsync("Heartbeat", new { });
        }

        await PluginsWait.Until(async () => !(await Json(await _http.GetAsync(new Uri("/api/chargepoints/API4", UriKind.Relative))))["isConnected"]!.GetValue<bool>());
        using var unknown = await PostCall("NOSUCH", "Reset", """{"type":"Soft"}""");
        using var offline = await PostCall("API4", "Reset", """{"type":"Soft"}""");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, offline.StatusCode);
        Assert.Contains("not sent", (await Json(offline))["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ChargerDropsConnectionAfterReceivingIt_502SentNotAnswered()
    {
        var cp = await _server.ConnectAsync("API8");
        await cp.CallOkAsync("Heartbeat", new { });

        var call = PostCall("API8", "Reset", """{"type":"Hard"}""");
        // A Hard Reset: the charger gets the call and reboots without answering.
        Assert.Equal("Reset", (await cp.NextServerCallAsync())[2]!.GetValue<string>());
        await cp.DisposeAsync();
        using var response = await call;

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var body = await Json(response);
        Assert.Contains("was sent", body["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("connection closed before it answered", body["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reset", """{"type":"Sideways"}""", "type")]
    [InlineData("UnlockConnector", """{}""", "connectorId")]
    [InlineData("Reset", """not json""", "")]
    public async Task Call_InvalidPayload_400NamingTheField(string action, string payload, string field)
    {
        await using var cp = await _server.ConnectAsync("API5");
        await cp.CallOkAsync("Heartbeat", new { });

        using var response = await PostCall("API5", action, payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(cp.TryGetServerCall(out _));
    }

    [Theory]
    [InlineData("NoSuchAction")]
    [InlineData("StartTransaction")]
    public async Task Call_ActionTheCentralSystemDoesNotSend_400(string action)
    {
        await using var cp = await _server.ConnectAsync("API6");
        await cp.CallOkAsync("Heartbeat", new { });

        using var response = await PostCall("API6", action, "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ChargePoints_ListAndShow_LiveState()
    {
        await using var cp = await _server.ConnectAsync("API7");
        await cp.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E" });
        await cp.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Charging" });
        var tx = (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "H7", meterStart = 10, timestamp = "2026-11-01T00:00:00Z" }))["transactionId"]!.GetValue<int>();

        var list = (await Json(await _http.GetAsync(new Uri("/api/chargepoints", UriKind.Relative)))).AsArray();
        var one = await Json(await _http.GetAsync(new Uri("/api/chargepoints/API7", UriKind.Relative)));

        Assert.Contains(list, c => c!["chargePointId"]!.GetValue<string>() == "API7");
        Assert.True(one["isConnected"]!.GetValue<bool>());
        Assert.Equal("Grizzl-E", one["model"]!.GetValue<string>());
        Assert.Equal("Charging", one["connectors"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(tx, one["openTransactions"]![0]!["transactionId"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(new Uri("/api/chargepoints/NOSUCH", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Api_NotServedOnTheChargerPort_OpenApiDocumentServed()
    {
        using var chargerPort = new HttpClient { BaseAddress = _server.HttpBase };

        Assert.Equal(HttpStatusCode.NotFound, (await chargerPort.GetAsync(new Uri("/api/chargepoints", UriKind.Relative))).StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/chargepoints", UriKind.Relative));
        forged.Headers.Host = $"127.0.0.1:{_apiPort}";
        Assert.Equal(HttpStatusCode.NotFound, (await chargerPort.SendAsync(forged)).StatusCode);
        var doc = await Json(await _http.GetAsync(new Uri("/api/openapi.json", UriKind.Relative)));
        Assert.NotNull(doc["paths"]!["/api/chargepoints/{id}/calls/{action}"]);
    }
}

public sealed class OperatorApiTokenTests
{
    [Fact]
    public void BeyondLoopbackWithoutToken_RefusesToStart()
    {
        var errors = LevityOptionsValidator.Validate(new LevityOptions { ApiPort = 9100, ApiHost = "0.0.0.0" });

        Assert.Contains(errors, e => e.Contains("--api-token", StringComparison.Ordinal));
        Assert.Empty(LevityOptionsValidator.Validate(new LevityOptions { ApiPort = 9100, ApiHost = "0.0.0.0", ApiToken = "s3cret" }));
        Assert.Empty(LevityOptionsValidator.Validate(new LevityOptions { ApiPort = 9100, ApiHost = "127.0.0.1" }));
    }

    [Fact]
    public async Task WithToken_RequestsNeedTheBearerToken()
    {
        var port = Ports.Free();
        await using var server = await LevityTestServer.StartAsync(configure: o =>
        {
            o.ApiPort = port;
            o.ApiToken = "s3cret";
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var anonymous = await http.GetAsync(new Uri("/api/chargepoints", UriKind.Relative));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        var wrong = await http.GetAsync(new Uri("/api/chargepoints", UriKind.Relative));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-and-more");
        var longer = await http.GetAsync(new Uri("/api/chargepoints", UriKind.Relative));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cre");
        var prefix = await http.GetAsync(new Uri("/api/chargepoints", UriKind.Relative));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        var right = await http.GetAsync(new Uri("/api/chargepoints", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, longer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, prefix.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }
}

internal static class PluginsWait
{
    public static async Task Until(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
