using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Levity.Tests.Support;

namespace Levity.Tests.Api;

/// <summary>A real HTTP client on the operator API port, with the charger side of a call scripted by the test.</summary>
internal sealed class OperatorApiClient(int port) : IDisposable
{
    public HttpClient Http { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

    public Task<HttpResponseMessage> PostCall(string chargePointId, string action, string payload) =>
        Http.PostAsync(new Uri($"/api/chargepoints/{chargePointId}/calls/{action}", UriKind.Relative), new StringContent(payload, Encoding.UTF8, "application/json"));

    /// <summary>Posts a call, lets the charger answer it with <paramref name="answer"/> and returns the API's answer (200 expected).</summary>
    public async Task<JsonNode> CallAnswered(TestCharger charger, string chargePointId, string action, string payload, string answer)
    {
        var posting = PostCall(chargePointId, action, payload);
        var calling = charger.NextServerCallAsync();
        if (await Task.WhenAny(posting, calling) == posting)
        {
            using var early = await posting;
            Assert.Fail($"{action} answered before reaching the charger: {(int)early.StatusCode} {await early.Content.ReadAsStringAsync()}");
        }

        var call = await calling;
        Assert.Equal(action, call[2]!.GetValue<string>());
        await charger.SendRawAsync($"[3,\"{call[1]!.GetValue<string>()}\",{answer}]");
        using var response = await posting;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<JsonNode> Get(string pathAndQuery)
    {
        using var response = await Http.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {pathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<JsonArray> GetArray(string pathAndQuery) => (await Get(pathAndQuery)).AsArray();

    public void Dispose() => Http.Dispose();
}
