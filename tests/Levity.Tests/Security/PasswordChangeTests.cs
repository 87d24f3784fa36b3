using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Levity.Tests.Security.Support;
using Levity.Tests.Support;

namespace Levity.Tests.Security;

/// <summary>POST /api/registry/{id}/password: a connected charger gets ChangeConfiguration AuthorizationKey, and the stored hash changes only if it accepts.</summary>
public sealed class PasswordChangeTests(SecureServerFixture fixture) : IClassFixture<SecureServerFixture>
{
    private const string OldPassword = "the-old-password-1234";
    private readonly SecureServer _server = fixture.Server;

    private Task<HttpResponseMessage> ChangeAsync(string id, string json) =>
        _server.Api.PostAsync(new Uri($"/api/registry/{id}/password", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<(HttpResponseMessage Response, JsonArray Call)> ChangeWhileConnectedAsync(TestCharger cp, string id, byte[] newKey, string answer)
    {
        // Answered once the session has told the grain it is connected.
        await cp.CallOkAsync("Heartbeat", new { });
        var changing = ChangeAsync(id, $$"""{"passwordHex":"{{Convert.ToHexString(newKey)}}"}""");
        var call = await cp.NextServerCallAsync();
        await cp.SendRawAsync($$"""[3,"{{call[1]!.GetValue<string>()}}",{"status":"{{answer}}"}]""");
        return (await changing, call);
    }

    [Fact]
    public async Task ConnectedChargerAccepts_NewPasswordInForceOldRefused()
    {
        await _server.RegisterAsync("PW-YES", $$"""{"securityProfile":1,"password":"{{OldPassword}}"}""");
        var newKey = Enumerable.Range(0xE0, 20).Select(b => (byte)b).ToArray();
        await using (var cp = await _server.ConnectAsync(_server.Ws("PW-YES"), "PW-YES", OldPassword))
        {
            var (response, call) = await ChangeWhileConnectedAsync(cp, "PW-YES", newKey, "Accepted");

            Assert.Equal("ChangeConfiguration", call[2]!.GetValue<string>());
            Assert.Equal("AuthorizationKey", call[3]!["key"]!.GetValue<string>());
            Assert.Equal(Convert.ToHexString(newKey), call[3]!["value"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True(body["sentToCharger"]!.GetValue<bool>());
            Assert.Null(body["password"]);
        }

        await using (var renewed = await _server.ConnectAsync(_server.Ws("PW-YES"), "PW-YES", newKey))
        {
            await renewed.CallOkAsync("Heartbeat", new { });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("PW-YES"), "PW-YES", OldPassword));
    }

    [Fact]
    public async Task ConnectedChargerRejects_409AndOldPasswordStillInForce()
    {
        await _server.RegisterAsync("PW-NO", $$"""{"securityProfile":1,"password":"{{OldPassword}}"}""");
        var newKey = Enumerable.Range(0x10, 16).Select(b => (byte)b).ToArray();
        await using (var cp = await _server.ConnectAsync(_server.Ws("PW-NO"), "PW-NO", OldPassword))
        {
            var (response, _) = await ChangeWhileConnectedAsync(cp, "PW-NO", newKey, "Rejected");

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("Rejected", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using (var again = await _server.ConnectAsync(_server.Ws("PW-NO"), "PW-NO", OldPassword))
        {
            await again.CallOkAsync("Heartbeat", new { });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("PW-NO"), "PW-NO", newKey));
    }

    [Fact]
    public async Task NotConnected_NoPasswordGiven_GeneratedShownOnceAndInForce()
    {
        await _server.RegisterAsync("PW-GEN", $$"""{"securityProfile":1,"password":"{{OldPassword}}"}""");

        using var response = await ChangeAsync("PW-GEN", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(body["sentToCharger"]!.GetValue<bool>());
        var generated = body["password"]!.GetValue<string>();
        Assert.Equal(Convert.ToHexString(Encoding.UTF8.GetBytes(generated)), body["authorizationKey"]!.GetValue<string>());
        await using (var cp = await _server.ConnectAsync(_server.Ws("PW-GEN"), "PW-GEN", generated))
        {
            await cp.CallOkAsync("Heartbeat", new { });
        }

        var shown = await _server.Api.GetStringAsync(new Uri("/api/registry/PW-GEN", UriKind.Relative));
        Assert.DoesNotContain(generated, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCharger_404()
    {
        using var response = await ChangeAsync("PW-NOBODY", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"password":"short"}""")]
    [InlineData("""{"passwordHex":"XYZ"}""")]
    [InlineData("""{"password":"0123456789abcdef","passwordHex":"00112233445566778899AABBCCDDEEFF"}""")]
    public async Task BadPassword_400(string json)
    {
        await _server.RegisterAsync("PW-BAD", """{"securityProfile":0}""");

        using var response = await ChangeAsync("PW-BAD", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
