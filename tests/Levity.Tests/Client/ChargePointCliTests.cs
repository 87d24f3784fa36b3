using System.Globalization;
using System.Text.Json.Nodes;
using Levity.Tests.Api;
using Levity.Tests.Support;
using static Levity.Tests.Client.CliRun;

namespace Levity.Tests.Client;

public sealed class ChargePointCliTests : IAsyncLifetime
{
    private readonly int _apiPort = Ports.Free();
    private LevityTestServer _server = null!;

    private string Url => $"http://127.0.0.1:{_apiPort}";

    public async Task InitializeAsync() =>
        _server = await LevityTestServer.StartAsync(configure: o =>
        {
            o.ApiPort = _apiPort;
            o.ResponseTimeout = 1;
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static object Meter(int tx, int wh) => new
    {
        connectorId = 1,
        transactionId = tx,
        meterValue = new[]
        {
            new
            {
                timestamp = "2026-11-01T00:10:00Z",
                sampledValue = new[] { new { value = wh.ToString(CultureInfo.InvariantCulture), measurand = "Energy.Active.Import.Register", unit = "Wh" } },
            },
        },
    };

    private async Task<TestCharger> Grizzle(string id)
    {
        var cp = await _server.ConnectAsync(id);
        await cp.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E", firmwareVersion = "05.03" });
        await cp.CallOkAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Charging" });
        return cp;
    }

    [Fact]
    public async Task List_ConnectedCharger_OneAlignedRow()
    {
        await using var cp = await Grizzle("CLI1");

        var (exit, output, error) = await Run("cp", "list", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var lines = Lines(output);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines, l => l.StartsWith("CLI1 ", StringComparison.Ordinal));
        Assert.Equal(["CLI1", "yes"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..2]);
        Assert.Contains("1:Charging", row, StringComparison.Ordinal);
        Assert.Contains("Grizzl-E", row, StringComparison.Ordinal);
        Assert.Contains("05.03", row, StringComparison.Ordinal);
        // Aligned: every column starts where its header starts.
        Assert.Equal(lines[0].IndexOf("MODEL", StringComparison.Ordinal), row.IndexOf("Grizzl-E", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_Json_IsTheServersJson()
    {
        await using var cp = await Grizzle("CLI2");

        var (exit, output, _) = await Run("cp", "list", "--json", "--url", Url);

        Assert.Equal(0, exit);
        var list = JsonNode.Parse(output)!.AsArray();
        var one = Assert.Single(list, c => c!["chargePointId"]!.GetValue<string>() == "CLI2");
        Assert.True(one!["isConnected"]!.GetValue<bool>());
        Assert.Equal("Grizzl-E", one["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Show_OpenTransaction_SectionsWithEnergySoFar()
    {
        await using var cp = await Grizzle("CLI3");
        var tx = (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "H7", meterStart = 10, timestamp = "2026-11-01T00:00:00Z" }))["transactionId"]!.GetValue<int>();
        await cp.CallOkAsync("MeterValues", Meter(tx, 1510));

        var (exit, output, error) = await Run("cp", "show", "CLI3", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("Charger CLI3", output, StringComparison.Ordinal);
        foreach (var section in (string[])["Connection", "Connectors", "Open transactions"])
        {
            Assert.Contains(Environment.NewLine + section + Environment.NewLine, output, StringComparison.Ordinal);
        }

        var lines = Lines(output);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^Model +Grizzl-E$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^Connected +yes$"));
        Assert.StartsWith("TX", lines[^2], StringComparison.Ordinal);
        var txRow = lines[^1].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal([tx.ToString(CultureInfo.InvariantCulture), "1", "H7", "2026-11-01 00:00:00", "10", "1510", "1.500", "2026-11-01 00:10:00"], txRow);
    }

    [Fact]
    public async Task Show_UnknownCharger_Exit1WithTheServersTitle()
    {
        var (exit, output, error) = await Run("cp", "show", "NOSUCH", "--url", Url);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("levity: Unknown charger 'NOSUCH'. (HTTP 404)" + Environment.NewLine, error);
    }

    [Fact]
    public async Task Call_ChargerAnswers_AnswerPrinted_Exit0()
    {
        await using var cp = await Grizzle("CLI4");

        var running = Run("cp", "call", "CLI4", "Reset", """{"type":"Soft"}""", "--url", Url);
        var call = await cp.NextServerCallAsync();
        Assert.Equal("Reset", call[2]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"Soft"}"""), call[3]));
        await cp.SendRawAsync($$"""[3,"{{call[1]!.GetValue<string>()}}",{"status":"Accepted"}]""");
        var (exit, output, error) = await running;

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal("Accepted", JsonNode.Parse(output)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Call_NoPayload_SendsEmptyObject()
    {
        await using var cp = await Grizzle("CLI5");

        var running = Run("cp", "call", "CLI5", "ClearCache", "--url", Url);
        var call = await cp.NextServerCallAsync();
        await cp.SendRawAsync($$"""[3,"{{call[1]!.GetValue<string>()}}",{"status":"Rejected"}]""");
        var (exit, output, _) = await running;

        Assert.Equal(0, exit);
        Assert.Equal("ClearCache", call[2]!.GetValue<string>());
        Assert.Equal("{}", call[3]!.ToJsonString());
        Assert.Equal("Rejected", JsonNode.Parse(output)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Call_ChargerAnswersCallError_Exit1_CodeOnStderr()
    {
        await using var cp = await Grizzle("CLI6");

        var running = Run("cp", "call", "CLI6", "ClearCache", "{}", "--url", Url);
        var call = await cp.NextServerCallAsync();
        await cp.SendRawAsync($$"""[4,"{{call[1]!.GetValue<string>()}}","NotImplemented","no cache here",{"why":"none"}]""");
        var (exit, output, error) = await running;

        Assert.Equal(1, exit);
        Assert.Equal("levity: CLI6 answered ClearCache with CALLERROR NotImplemented: no cache here (details: {\"why\":\"none\"})" + Environment.NewLine, error);
        Assert.Equal("NotImplemented", JsonNode.Parse(output)!["callError"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Call_ChargerOffline_Exit1_NotConnected()
    {
        await using (var cp = await Grizzle("CLI7"))
        {
        }

        await PluginsWait.Until(async () => System.Text.RegularExpressions.Regex.IsMatch((await Run("cp", "show", "CLI7", "--url", Url)).Out, "Connected +no"));
        var (exit, output, error) = await Run("cp", "call", "CLI7", "Reset", """{"type":"Soft"}""", "--url", Url);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("levity: Charger 'CLI7' is not connected; the call was not sent.", error, StringComparison.Ordinal);
        Assert.EndsWith("(HTTP 409)" + Environment.NewLine, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ChargerSilent_Exit1_ServersTimeout()
    {
        await using var cp = await Grizzle("CLI8");

        var (exit, _, error) = await Run("cp", "call", "CLI8", "Reset", """{"type":"Hard"}""", "--url", Url);

        Assert.Equal(1, exit);
        Assert.StartsWith("levity: Charger 'CLI8' did not answer in time.", error, StringComparison.Ordinal);
        Assert.Contains("(HTTP 504)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":""", "is not valid JSON")]
    [InlineData("""["Soft"]""", "must be a JSON object")]
    [InlineData("42", "must be a JSON object")]
    public async Task Call_PayloadNotAJsonObject_Exit2_NothingSent(string payload, string message)
    {
        await using var cp = await Grizzle("CLI9");

        var (exit, output, error) = await Run("cp", "call", "CLI9", "Reset", payload, "--url", Url);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("levity: the payload argument ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        await cp.CallOkAsync("Heartbeat", new { });
        Assert.False(cp.TryGetServerCall(out _));
    }

    [Fact]
    public async Task Call_PayloadAgainstSchema_Exit1_NamesTheField()
    {
        await using var cp = await Grizzle("CLI10");

        var (exit, _, error) = await Run("cp", "call", "CLI10", "Reset", """{"type":"Sideways"}""", "--url", Url);

        Assert.Equal(1, exit);
        Assert.StartsWith("levity: The payload does not match the OCPP 1.6 schema.", error, StringComparison.Ordinal);
        Assert.Contains("type", error, StringComparison.Ordinal);
        Assert.Contains("(HTTP 400)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrlIsTheOcppPort_Exit1_SaysSo()
    {
        var (exit, _, error) = await Run("cp", "list", "--url", _server.HttpBase.ToString());

        Assert.Equal(1, exit);
        Assert.Contains("--url is not the operator API (--api-port)", error, StringComparison.Ordinal);
    }
}
