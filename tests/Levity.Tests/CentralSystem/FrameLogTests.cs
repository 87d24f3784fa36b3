using System.Collections.Concurrent;
using Levity.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Levity.Tests.CentralSystem;

public sealed class FrameLogTests
{
    [Fact]
    public async Task EveryFrame_InAndOut_IsOneStructuredLogEntry()
    {
        var capture = new CapturingLoggerProvider();
        await using var server = await LevityTestServer.StartAsync(
            configure: o => o.OcppLogLevel = "INFO",
            configureServices: s => s.AddSingleton<ILoggerProvider>(capture));
        await using var cp = await server.ConnectAsync("LOG1");

        await cp.CallOkAsync("Heartbeat", new { });

        var frames = capture.Entries.Where(e => e.Category == "Levity.Ocpp.Frames").ToList();
        var received = Assert.Single(frames, e => (string?)e.State["Direction"] == "recv");
        var sent = Assert.Single(frames, e => (string?)e.State["Direction"] == "send");
        Assert.Equal("LOG1", received.State["ChargePointId"]);
        Assert.Equal("CALL", received.State["MessageType"]);
        Assert.Equal("Heartbeat", received.State["Action"]);
        Assert.Equal("m1", received.State["MessageId"]);
        Assert.Contains("\"Heartbeat\"", (string)received.State["Frame"]!, StringComparison.Ordinal);
        Assert.Equal("CALLRESULT", sent.State["MessageType"]);
        Assert.Equal("Heartbeat", sent.State["Action"]);
        Assert.Equal("m1", sent.State["MessageId"]);
        Assert.Contains("currentTime", (string)sent.State["Frame"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerInitiatedCall_CallAndItsAnswer_NameTheAction()
    {
        var capture = new CapturingLoggerProvider();
        await using var server = await LevityTestServer.StartAsync(
            configure: o => o.OcppLogLevel = "INFO",
            configureServices: s => s.AddSingleton<ILoggerProvider>(capture));
        await using var cp = await server.ConnectAsync("LOG3");
        await cp.CallOkAsync("Heartbeat", new { });
        var grain = server.Services.GetRequiredService<IGrainFactory>().GetGrain<Levity.Grains.Interfaces.ChargePoints.IChargePointGrain>("LOG3");

        var call = grain.CallCharger(new Levity.Ocpp.Messages.ClearCacheRequest());
        var sentCall = await cp.NextServerCallAsync();
        await cp.SendRawAsync($"[3,\"{sentCall[1]!.GetValue<string>()}\",{{\"status\":\"Accepted\"}}]");
        await call;
        // The answer completes the call before its record is written (the record names the action
        // the pending call knew): the caller may resume first.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!capture.Entries.Any(e => e.Category == "Levity.Ocpp.Frames" && (string?)e.State["MessageType"] == "CALLRESULT" && (string?)e.State["Direction"] == "recv"))
        {
            await Task.Delay(10, timeout.Token);
        }

        var frames = capture.Entries.Where(e => e.Category == "Levity.Ocpp.Frames").ToList();
        var outgoing = Assert.Single(frames, e => (string?)e.State["MessageType"] == "CALL" && (string?)e.State["Direction"] == "send");
        var answer = Assert.Single(frames, e => (string?)e.State["MessageType"] == "CALLRESULT" && (string?)e.State["Direction"] == "recv");
        Assert.Equal("ClearCache", outgoing.State["Action"]);
        Assert.Equal(sentCall[1]!.GetValue<string>(), outgoing.State["MessageId"]);
        Assert.Equal("ClearCache", answer.State["Action"]);
        Assert.Equal(sentCall[1]!.GetValue<string>(), answer.State["MessageId"]);
    }

    [Fact]
    public async Task JsonLog_RealProcess_EachFrameOnceInOneRecord()
    {
        var directory = Directory.CreateTempSubdirectory("levity-log-").FullName;
        try
        {
            using var process = await LevityProcess.StartWithFrameLogAsync(Path.Combine(directory, "levity.db"), "INFO");
            await using (var cp = await TestCharger.ConnectAsync(new Uri(process.WsBase, "/ws/LOG4")))
            {
                await cp.CallOkAsync("Heartbeat", new { });
            }

            await process.TerminateAsync();

            var records = process.Output.Where(l => l.Contains("\"Levity.Ocpp.Frames\"", StringComparison.Ordinal)).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
            var sent = Assert.Single(records, r => (string?)r["State"]!["Direction"] == "send");
            var received = Assert.Single(records, r => (string?)r["State"]!["Direction"] == "recv");
            Assert.Equal("Heartbeat", (string?)sent["State"]!["Action"]);
            Assert.Contains("currentTime", (string)sent["State"]!["Frame"]!, StringComparison.Ordinal);
            Assert.DoesNotContain("currentTime", (string)sent["Message"]!, StringComparison.Ordinal);
            Assert.DoesNotContain("Heartbeat\"", (string)received["Message"]!, StringComparison.Ordinal);
            Assert.Equal("send LOG4 CALLRESULT Heartbeat m1", (string?)sent["Message"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task OcppLogLevelWarning_SilencesFrameLog()
    {
        var capture = new CapturingLoggerProvider();
        await using var server = await LevityTestServer.StartAsync(
            configure: o => o.OcppLogLevel = "WARNING",
            configureServices: s => s.AddSingleton<ILoggerProvider>(capture));
        await using var cp = await server.ConnectAsync("LOG2");

        await cp.CallOkAsync("Heartbeat", new { });

        Assert.DoesNotContain(capture.Entries, e => e.Category == "Levity.Ocpp.Frames");
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, Dictionary<string, object?> State)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, Dictionary<string, object?>)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
                entries.Enqueue((category, fields));
            }
        }
    }
}
