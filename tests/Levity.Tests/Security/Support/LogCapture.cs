using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Levity.Tests.Security.Support;

/// <summary>Every log record of the server as text: its event id, its formatted message and each property's value.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(int EventId, string Text)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(Entries);

    public bool Has(int eventId) => Entries.Any(e => e.EventId == eventId);

    public string AllText => string.Join('\n', Entries.Select(e => e.Text));

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(int, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            entries.Enqueue((eventId.Id, $"{formatter(state, exception)} {properties} {exception}"));
        }
    }
}
