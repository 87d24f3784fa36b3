using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Levity.Tests.Support;

namespace Levity.Tests.Api;

public sealed class IdTagApiTests : IAsyncLifetime
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

    private async Task<(HttpStatusCode Status, JsonNode? Body)> Send(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task Put_Creates201ThenReplaces200_StoredDurably()
    {
        var (created, tag) = await Send(HttpMethod.Put, "/api/idtags/CARD-7", """{"status":"Blocked","expiryDate":"2027-01-01T00:00:00Z","parentIdTag":"HOUSE-7","label":"Smith household"}""");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("CARD-7", tag!["idTag"]!.GetValue<string>());
        Assert.Equal("Blocked", tag["status"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2027-01-01T00:00:00Z", CultureInfo.InvariantCulture), tag["expiryDate"]!.GetValue<DateTimeOffset>());
        Assert.Equal("HOUSE-7", tag["parentIdTag"]!.GetValue<string>());
        Assert.Equal("Smith household", tag["label"]!.GetValue<string>());
        var row = Assert.Single(Db.Query(_server.DatabasePath, "SELECT id_tag, status, expiry_date, parent_id_tag, label FROM id_tag"));
        Assert.Equal(["CARD-7", "Blocked", "2027-01-01T00:00:00.000000+00:00", "HOUSE-7", "Smith household"], row);

        // Replacing is a whole replace, by a case-insensitive key: defaults fill what is left out.
        var (replaced, again) = await Send(HttpMethod.Put, "/api/idtags/card-7", "{}");

        Assert.Equal(HttpStatusCode.OK, replaced);
        Assert.Equal("Accepted", again!["status"]!.GetValue<string>());
        Assert.Null(again["expiryDate"]);
        Assert.Null(again["parentIdTag"]);
        Assert.Equal(string.Empty, again["label"]!.GetValue<string>());
        Assert.Equal(1, Db.Long(_server.DatabasePath, "SELECT COUNT(*) FROM id_tag"));
        Assert.Equal("Accepted", Db.Scalar(_server.DatabasePath, "SELECT status FROM id_tag WHERE id_tag = 'CARD-7'"));
    }

    [Fact]
    public async Task GetAndList_OrderedByIdTag_CaseInsensitiveLookup()
    {
        await Send(HttpMethod.Put, "/api/idtags/zeta", """{"label":"z"}""");
        await Send(HttpMethod.Put, "/api/idtags/Alpha", """{"status":"expired"}""");
        await Send(HttpMethod.Put, "/api/idtags/beta", null);

        var (status, list) = await Send(HttpMethod.Get, "/api/idtags");
        var (found, alpha) = await Send(HttpMethod.Get, "/api/idtags/ALPHA");
        var (missing, problem) = await Send(HttpMethod.Get, "/api/idtags/nobody");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Alpha", "beta", "zeta"], list!.AsArray().Select(t => t!["idTag"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, found);
        Assert.Equal("Alpha", alpha!["idTag"]!.GetValue<string>());
        Assert.Equal("Expired", alpha["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("nobody", problem!["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_204ThenGone_Unknown404()
    {
        await Send(HttpMethod.Put, "/api/idtags/gone", null);

        var (deleted, _) = await Send(HttpMethod.Delete, "/api/idtags/GONE");
        var (again, _) = await Send(HttpMethod.Delete, "/api/idtags/gone");

        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Get, "/api/idtags/gone")).Status);
        Assert.Equal(0, Db.Long(_server.DatabasePath, "SELECT COUNT(*) FROM id_tag"));
    }

    [Theory]
    [InlineData("ok", """{"status":"Lost"}""", "status")]
    [InlineData("ok", """{"status":7}""", "status")]
    [InlineData("ok", """{"status":"ConcurrentTx"}""", "status")]
    [InlineData("ok", """{"expiryDate":"next tuesday"}""", "expiryDate")]
    [InlineData("ok", """{"expiryDate":20270101}""", "expiryDate")]
    [InlineData("ok", """{"parentIdTag":"123456789012345678901"}""", "parentIdTag")]
    [InlineData("ok", """{"parentIdTag":"OK"}""", "parentIdTag")]
    [InlineData("ok", """{"label":5}""", "label")]
    [InlineData("123456789012345678901", "{}", "idTag")]
    [InlineData("ok", "[]", "body")]
    [InlineData("ok", "{not json", "JSON")]
    public async Task Put_BadInput_400NamingTheField_NothingStored(string idTag, string body, string field)
    {
        var (status, problem) = await Send(HttpMethod.Put, "/api/idtags/" + idTag, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field, problem!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, Db.Long(_server.DatabasePath, "SELECT COUNT(*) FROM id_tag"));
    }

    [Fact]
    public async Task Put_TwentyCharacterTag_Accepted()
    {
        var (status, _) = await Send(HttpMethod.Put, "/api/idtags/12345678901234567890", null);

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task Endpoints_InTheOpenApiDocument()
    {
        var (_, doc) = await Send(HttpMethod.Get, "/api/openapi.json");

        Assert.NotNull(doc!["paths"]!["/api/idtags/{idTag}"]);
        Assert.NotNull(doc["paths"]!["/api/transactions"]);
        Assert.NotNull(doc["paths"]!["/api/transactions/{id}/close"]);
    }
}
