using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Levity.Silo.Cli;
using Levity.Silo.Configuration;
using Levity.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Levity.Tests.CentralSystem;

/// <summary>
/// Authorize, StartTransaction and StopTransaction answer idTagInfo from the id-tag table, managed
/// through the operator API: a real server, a real WebSocket charger, a real HTTP client.
/// </summary>
public sealed class AuthorizationTests
{
    private const string Past = "2020-01-01T00:00:00Z";
    private const string Future = "2099-01-01T00:00:00Z";

    private sealed class Site : IAsyncDisposable
    {
        private Site(LevityTestServer server, HttpClient http)
        {
            Server = server;
            Http = http;
        }

        public LevityTestServer Server { get; }

        public HttpClient Http { get; }

        public static async Task<Site> StartAsync(string? authorization)
        {
            var port = Ports.Free();
            var server = await LevityTestServer.StartAsync(configure: o =>
            {
                o.ApiPort = port;
                if (authorization is not null)
                {
                    o.Authorization = authorization;
                }
            });
            return new Site(server, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
        }

        public async Task Tag(string idTag, string body)
        {
            using var response = await Http.PutAsync(new Uri("/api/idtags/" + idTag, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Server.DisposeAsync();
        }
    }

    private static async Task<JsonObject> Authorize(TestCharger cp, string idTag) =>
        (await cp.CallOkAsync("Authorize", new { idTag }))["idTagInfo"]!.AsObject();

    private static string Status(JsonObject idTagInfo) => idTagInfo["status"]!.GetValue<string>();

    [Fact]
    public async Task AcceptAll_UnknownAccepted_KnownTagsStillAnswerFromTheTable()
    {
        await using var site = await Site.StartAsync(authorization: null);
        await site.Tag("BLOCKED1", """{"status":"Blocked"}""");
        await site.Tag("OLD1", $$"""{"expiryDate":"{{Past}}"}""");
        await using var cp = await site.Server.ConnectAsync("AUTH1");

        var unknown = await Authorize(cp, "stranger");

        Assert.Equal("Accepted", Status(unknown));
        Assert.Null(unknown["expiryDate"]);
        Assert.Null(unknown["parentIdTag"]);
        Assert.Equal("Blocked", Status(await Authorize(cp, "BLOCKED1")));
        Assert.Equal("Expired", Status(await Authorize(cp, "OLD1")));
    }

    [Fact]
    public async Task KnownTags_EveryStatus_ExpiryAndParentInIdTagInfo()
    {
        await using var site = await Site.StartAsync("known-tags");
        await site.Tag("HOUSE1", "{}");
        await site.Tag("CARD1", $$"""{"status":"Accepted","expiryDate":"{{Future}}","parentIdTag":"HOUSE1","label":"Smiths"}""");
        await site.Tag("CARD2", """{"status":"Blocked"}""");
        await site.Tag("CARD3", """{"status":"Expired"}""");
        await site.Tag("CARD4", """{"status":"Invalid"}""");
        await site.Tag("CARD5", $$"""{"expiryDate":"{{Past}}"}""");
        await using var cp = await site.Server.ConnectAsync("AUTH2");

        var card1 = await Authorize(cp, "CARD1");
        var card5 = await Authorize(cp, "CARD5");

        Assert.Equal("Accepted", Status(card1));
        Assert.Equal(DateTimeOffset.Parse(Future, CultureInfo.InvariantCulture), card1["expiryDate"]!.GetValue<DateTimeOffset>());
        Assert.Equal("HOUSE1", card1["parentIdTag"]!.GetValue<string>());
        Assert.Equal("Blocked", Status(await Authorize(cp, "CARD2")));
        Assert.Equal("Expired", Status(await Authorize(cp, "CARD3")));
        Assert.Equal("Invalid", Status(await Authorize(cp, "CARD4")));
        Assert.Equal("Expired", Status(card5));
        Assert.Equal(DateTimeOffset.Parse(Past, CultureInfo.InvariantCulture), card5["expiryDate"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Invalid", Status(await Authorize(cp, "stranger")));
        Assert.Equal("Accepted", Status(await Authorize(cp, "card1")));
    }

    [Theory]
    [InlineData("""{"status":"Blocked"}""", "Blocked")]
    [InlineData("""{"status":"Invalid"}""", "Invalid")]
    [InlineData("""{"status":"Expired"}""", "Expired")]
    [InlineData($$"""{"expiryDate":"{{Past}}"}""", "Expired")]
    [InlineData("{}", "Accepted")]
    public async Task ParentNotAccepted_ChildAnswersTheParentsStatus(string parent, string expected)
    {
        await using var site = await Site.StartAsync("known-tags");
        await site.Tag("FAMILY", parent);
        await site.Tag("KID", """{"parentIdTag":"family"}""");
        await using var cp = await site.Server.ConnectAsync("AUTH3");

        var kid = await Authorize(cp, "KID");

        Assert.Equal(expected, Status(kid));
        Assert.Equal("family", kid["parentIdTag"]!.GetValue<string>());
    }

    [Fact]
    public async Task ParentNotInTheTable_ChildAnswersItsOwnStatus()
    {
        await using var site = await Site.StartAsync("known-tags");
        await site.Tag("LONER", """{"parentIdTag":"NOGROUP"}""");
        await using var cp = await site.Server.ConnectAsync("AUTH4");

        var loner = await Authorize(cp, "LONER");

        Assert.Equal("Accepted", Status(loner));
        Assert.Equal("NOGROUP", loner["parentIdTag"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartTransaction_NotAcceptedTag_StillGetsATransactionIdAndIsRecorded()
    {
        await using var site = await Site.StartAsync("known-tags");
        await site.Tag("THIEF", """{"status":"Blocked"}""");
        await using var cp = await site.Server.ConnectAsync("AUTH5");

        var blocked = await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "THIEF", meterStart = 0, timestamp = "2026-11-01T10:00:00Z" });
        var unknown = await cp.CallOkAsync("StartTransaction", new { connectorId = 2, idTag = "NOBODY", meterStart = 0, timestamp = "2026-11-01T10:00:00Z" });
        var repeated = await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "THIEF", meterStart = 0, timestamp = "2026-11-01T10:00:00Z" });

        var id = blocked["transactionId"]!.GetValue<int>();
        Assert.Equal("Blocked", blocked["idTagInfo"]!["status"]!.GetValue<string>());
        Assert.Equal("Invalid", unknown["idTagInfo"]!["status"]!.GetValue<string>());
        Assert.Equal(id, repeated["transactionId"]!.GetValue<int>());
        Assert.Equal("Blocked", repeated["idTagInfo"]!["status"]!.GetValue<string>());
        Assert.Equal(2, Db.Long(site.Server.DatabasePath, "SELECT COUNT(*) FROM tx WHERE status = 'Active'"));
        Assert.Equal("THIEF", Db.Scalar(site.Server.DatabasePath, $"SELECT id_tag FROM tx WHERE id = {id}"));
    }

    [Fact]
    public async Task StopTransaction_IdTagInfoFromTheTable_AbsentWithoutIdTag()
    {
        await using var site = await Site.StartAsync(authorization: null);
        await site.Tag("GOOD", """{"parentIdTag":"HOME"}""");
        await site.Tag("BAD", """{"status":"Blocked"}""");
        await using var cp = await site.Server.ConnectAsync("AUTH6");
        var tx1 = (await cp.CallOkAsync("StartTransaction", new { connectorId = 1, idTag = "GOOD", meterStart = 0, timestamp = "2026-11-01T10:00:00Z" }))["transactionId"]!.GetValue<int>();
        var tx2 = (await cp.CallOkAsync("StartTransaction", new { connectorId = 2, idTag = "GOOD", meterStart = 0, timestamp = "2026-11-01T10:00:00Z" }))["transactionId"]!.GetValue<int>();
        var tx3 = (await cp.CallOkAsync("StartTransaction", new { connectorId = 3, idTag = "GOOD", meterStart = 0, timestamp = "2026-11-01T10:00:00Z" }))["transactionId"]!.GetValue<int>();

        var good = await cp.CallOkAsync("StopTransaction", new { transactionId = tx1, idTag = "GOOD", meterStop = 10, timestamp = "2026-11-01T11:00:00Z" });
        var bad = await cp.CallOkAsync("StopTransaction", new { transactionId = tx2, idTag = "BAD", meterStop = 10, timestamp = "2026-11-01T11:00:00Z" });
        var none = await cp.CallOkAsync("StopTransaction", new { transactionId = tx3, meterStop = 10, timestamp = "2026-11-01T11:00:00Z" });

        Assert.Equal("Accepted", good["idTagInfo"]!["status"]!.GetValue<string>());
        Assert.Equal("HOME", good["idTagInfo"]!["parentIdTag"]!.GetValue<string>());
        Assert.Equal("Blocked", bad["idTagInfo"]!["status"]!.GetValue<string>());
        Assert.Null(none["idTagInfo"]);
        Assert.Equal("BAD", Db.Scalar(site.Server.DatabasePath, $"SELECT stop_id_tag FROM tx WHERE id = {tx2}"));
    }

    [Fact]
    public async Task TableChanges_AnsweredFromTheNextMessage_AndSurviveARestart()
    {
        await using var site = await Site.StartAsync("known-tags");
        await using (var cp = await site.Server.ConnectAsync("AUTH7"))
        {
            Assert.Equal("Invalid", Status(await Authorize(cp, "NEWCARD")));
            await site.Tag("NEWCARD", """{"label":"flat 2"}""");
            Assert.Equal("Accepted", Status(await Authorize(cp, "NEWCARD")));
            await site.Tag("NEWCARD", """{"status":"Blocked"}""");
            Assert.Equal("Blocked", Status(await Authorize(cp, "NEWCARD")));
            await site.Tag("OTHER", "{}");
            using var deleted = await site.Http.DeleteAsync(new Uri("/api/idtags/other", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Equal("Invalid", Status(await Authorize(cp, "OTHER")));
        }

        await site.Server.StopAsync();
        await site.Server.StartAsync(o =>
        {
            o.ApiPort = site.Http.BaseAddress!.Port;
            o.Authorization = "known-tags";
        });
        await using var again = await site.Server.ConnectAsync("AUTH7");

        Assert.Equal("Blocked", Status(await Authorize(again, "newcard")));
        Assert.Equal("Invalid", Status(await Authorize(again, "OTHER")));
    }

    [Theory]
    [InlineData("accept-all", true)]
    [InlineData("known-tags", true)]
    [InlineData("KNOWN-TAGS", true)]
    [InlineData("open", false)]
    [InlineData("", false)]
    public void Validator_AuthorizationMode(string value, bool valid)
    {
        var errors = LevityOptionsValidator.Validate(new LevityOptions { Authorization = value });

        Assert.Equal(valid, !errors.Any(e => e.StartsWith("--authorization:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Cli_BadAuthorization_ExitsTwoNamingTheFlag()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var ran = false;

        var exit = await LevityCli.InvokeAsync(["--authorization", "everyone"], output, error, (_, _) =>
        {
            ran = true;
            return Task.FromResult(0);
        });

        Assert.Equal(LevityCli.ExitUsage, exit);
        Assert.False(ran);
        Assert.Contains("--authorization", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_AuthorizationFromFlagAndEnvironment()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        LevityOptions? ran = null;

        var exit = await LevityCli.InvokeAsync(["--authorization", "known-tags"], output, error, (options, _) =>
        {
            ran = options;
            return Task.FromResult(0);
        });
        var fromEnvironment = new ConfigurationBuilder().Add(new LevityEnvironmentVariablesSource(new Dictionary<string, string> { ["LEVITY_AUTHORIZATION"] = "known-tags" })).Build()
            .GetSection(LevityOptions.SectionName).Get<LevityOptions>();

        Assert.Equal(0, exit);
        Assert.Equal("known-tags", ran!.Authorization);
        Assert.Equal("known-tags", fromEnvironment!.Authorization);
        Assert.Equal("accept-all", new LevityOptions().Authorization);
    }
}
