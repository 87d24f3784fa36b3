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
        Assert.Contains("currentTime", (string)sent.State["Frame"]!, StringComparison.Ordinal);
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
