using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Levity.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Api;

/// <summary>GET /api/openapi.json describes what the API port really serves: its routes, their bodies, the bearer scheme.</summary>
[Collection(Levity.Tests.Metrics.MetricsCollection.Name)]
public sealed partial class OpenApiDocumentTests
{
    private const string Token = "open-sesame";

    [Fact]
    public async Task Document_ListsExactlyTheApiPortsRoutes_NoOcppOrMetricsRoutes()
    {
        await using var api = await ApiServer.StartAsync(Token);

        var doc = await api.DocumentAsync();

        var documented = doc["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var served = api.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + Constraint().Replace(e.RoutePattern.RawText!.TrimStart('/'), "}"))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal) && p != "/api/openapi.json")
            .Append("/healthz")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(served, documented);
        Assert.DoesNotContain("/metrics", documented);
        Assert.DoesNotContain("/readyz", documented);
    }

    [Fact]
    public async Task Document_EveryApiOperation_HasResponseBodiesAndTheBearerScheme()
    {
        await using var api = await ApiServer.StartAsync(Token);

        var doc = await api.DocumentAsync();

        var scheme = doc["components"]!["securitySchemes"]!["bearer"]!;
        Assert.Equal(("http", "bearer"), (scheme["type"]!.GetValue<string>(), scheme["scheme"]!.GetValue<string>()));
        foreach (var (path, item) in doc["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                var success = Assert.Single(responses, r => r.Key is "200" or "204");
                if (success.Key == "200")
                {
                    Assert.True(success.Value!["content"]?["application/json"]?["schema"] is not null, $"{method} {path}: 200 without a body schema");
                }

                Assert.True(responses.ContainsKey("401"), $"{method} {path}: no 401");
                Assert.NotNull(operation["security"]![0]!["bearer"]);
            }
        }
    }

    [Fact]
    public async Task Document_SchemaMatchesTheRealAnswer_ProblemsAsProblemJson()
    {
        await using var api = await ApiServer.StartAsync(Token);
        await using (var charger = await api.Server.ConnectAsync("CP-DOC"))
        {
            await charger.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E Smart" });
        }

        var doc = await api.DocumentAsync();
        using var found = await api.Http.GetAsync(new Uri("/api/chargepoints/CP-DOC", UriKind.Relative));
        using var missing = await api.Http.GetAsync(new Uri("/api/chargepoints/NOPE", UriKind.Relative));

        var schemaRef = doc["paths"]!["/api/chargepoints/{id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var properties = doc["components"]!["schemas"]![schemaRef.Split('/')[^1]]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        var body = JsonNode.Parse(await found.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Subset(properties, body.Select(p => p.Key).ToHashSet());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Document_NoTokenConfigured_SchemeDescribedButNotRequired()
    {
        await using var api = await ApiServer.StartAsync(token: null);

        var doc = await api.DocumentAsync();

        Assert.NotNull(doc["components"]!["securitySchemes"]!["bearer"]);
        Assert.Null(doc["paths"]!["/api/chargepoints"]!["get"]!["security"]);
        Assert.Null(doc["paths"]!["/api/chargepoints"]!["get"]!["responses"]!["401"]);
    }

    [GeneratedRegex(":[a-z]+}")]
    private static partial Regex Constraint();

    private sealed class ApiServer : IAsyncDisposable
    {
        private ApiServer(LevityTestServer server, HttpClient http)
        {
            Server = server;
            Http = http;
        }

        public LevityTestServer Server { get; }

        public HttpClient Http { get; }

        public static async Task<ApiServer> StartAsync(string? token)
        {
            var port = Ports.Free();
            var server = await LevityTestServer.StartAsync(configure: o =>
            {
                o.ApiPort = port;
                o.ApiToken = token;
                o.MetricsPort = 0;
            });
            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            if (token is not null)
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return new ApiServer(server, http);
        }

        public async Task<JsonObject> DocumentAsync()
        {
            using var response = await Http.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));
            response.EnsureSuccessStatusCode();
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Server.DisposeAsync();
        }
    }
}
