using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Levity.Silo.Audit.Fluentd;
using Levity.Tests.Audit.Support;
using Levity.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Levity.Tests.Api;

/// <summary>Every operator request is logged and, with the Fluentd audit on, sent as an <c>ocpp.api</c> record to a real TCP listener.</summary>
public sealed class OperatorAuditTests
{
    private const string Token = "tok-Secret-123";

    [Fact]
    public async Task OperatorRequests_LoggedAndAudited_NeverWithTheToken()
    {
        var port = Ports.Free();
        var logs = new CapturingLoggerProvider("Levity.Silo.Api.OperatorApi");
        await using var fluentd = ForwardReceiver.Start();
        await using var server = await LevityTestServer.StartAsync(
            configure: o =>
            {
                o.ApiPort = port;
                o.ApiToken = Token;
                o.LogLevel = "INFO";
                o.FluentdEndpoint = fluentd.Endpoint;
            },
            configureServices: s =>
            {
                s.Configure<FluentdOptions>(f => f.InitialBackoff = TimeSpan.FromMilliseconds(20));
                s.AddSingleton<ILoggerProvider>(logs);
            });
        using var api = new OperatorApiClient(port);
        await using var cp = await server.ConnectAsync("AUD1");
        await cp.CallOkAsync("Heartbeat", new { });

        using (var anonymous = await api.Http.GetAsync(new Uri("/api/chargepoints", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        api.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        await api.Get("/api/chargepoints/AUD1");
        await api.CallAnswered(cp, "AUD1", "Reset", """{"type":"Soft"}""", """{"status":"Accepted"}""");
        await api.Get("/api/reservations?chargePointId=AUD1&limit=5");
        using (var missing = await api.Http.GetAsync(new Uri("/api/nosuch", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        var events = await fluentd.WaitForAsync(e => e.Count(r => r.Tag == "ocpp.api") >= 5);
        var records = events.Where(e => e.Tag == "ocpp.api").ToList();
        Assert.Equal(
            [
                ("GET", "/api/chargepoints", 401L, null, null, null),
                ("GET", "/api/chargepoints/AUD1", 200L, null, "AUD1", null),
                ("POST", "/api/chargepoints/AUD1/calls/Reset", 200L, null, "AUD1", "Reset"),
                ("GET", "/api/reservations", 200L, "?chargePointId=AUD1&limit=5", "AUD1", null),
                ("GET", "/api/nosuch", 404L, null, null, null),
            ],
            records.Select(r => ((string)r["method"]!, (string)r["path"]!, Convert.ToInt64(r["status"], System.Globalization.CultureInfo.InvariantCulture), r["query"] as string, r["cp"] as string, r["action"] as string)));
        Assert.All(records, r =>
        {
            Assert.Equal("api", r["type"]);
            Assert.Matches(@"^127\.0\.0\.1:\d+$", (string)r["remote_addr"]!);
            Assert.InRange(Convert.ToDouble(r["duration_ms"], System.Globalization.CultureInfo.InvariantCulture), 0, 60_000);
        });

        // The call the request caused is audited as OCPP frames of its own.
        Assert.Contains(events, e => e.Tag == "ocpp.reset" && Equals(e["dir"], "send"));
        Assert.DoesNotContain(events, e => Strings(e.Record).Any(s => s.Contains(Token, StringComparison.Ordinal)));

        await PluginsWait.Until(() => Task.FromResult(logs.Entries.Count(e => e.EventId == 702) >= 5));
        var answered = logs.Entries.Where(e => e.EventId == 702).Select(e => e.Message).ToList();
        Assert.Contains(answered, m => m.StartsWith("Operator API GET /api/chargepoints answered 401 to 127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains(answered, m => m.StartsWith("Operator API POST /api/chargepoints/AUD1/calls/Reset answered 200 to 127.0.0.1:", StringComparison.Ordinal) && m.EndsWith(" ms", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.EventId == 701 && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OperatorRequests_OnlyOnTheApiPort_ChargerPortNotAudited()
    {
        var port = Ports.Free();
        await using var fluentd = ForwardReceiver.Start();
        await using var server = await LevityTestServer.StartAsync(
            configure: o =>
            {
                o.ApiPort = port;
                o.FluentdEndpoint = fluentd.Endpoint;
            },
            configureServices: s => s.Configure<FluentdOptions>(f => f.InitialBackoff = TimeSpan.FromMilliseconds(20)));
        using var chargerPort = new HttpClient { BaseAddress = server.HttpBase };
        using var api = new OperatorApiClient(port);

        (await chargerPort.GetAsync(new Uri("/api/chargepoints", UriKind.Relative))).Dispose();
        (await chargerPort.GetAsync(new Uri("/healthz", UriKind.Relative))).Dispose();
        await api.Get("/api/chargepoints");

        await fluentd.WaitForAsync(e => e.Any(r => r.Tag == "ocpp.api"));
        await server.StopAsync();

        // Stopping flushes the audit: anything the charger port had caused would be there by now.
        var record = fluentd.Events.Single(e => e.Tag == "ocpp.api");
        Assert.Equal(("GET", "/api/chargepoints", 200L), ((string)record["method"]!, (string)record["path"]!, Convert.ToInt64(record["status"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string s => [s],
        byte[] b => [System.Text.Encoding.UTF8.GetString(b)],
        IDictionary<object, object?> map => map.SelectMany(kv => Strings(kv.Key).Concat(Strings(kv.Value))),
        IEnumerable<object?> list => list.SelectMany(Strings),
        _ => [],
    };

    private sealed class CapturingLoggerProvider(string category) : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, int EventId, string Message)> _entries = new();

        public IReadOnlyList<(LogLevel Level, int EventId, string Message)> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) =>
            categoryName == category ? new Capture(_entries) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Capture(ConcurrentQueue<(LogLevel, int, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}
