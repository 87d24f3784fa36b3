using Microsoft.Extensions.Logging;

namespace Levity.Tests.Ocpp.Support;

/// <summary>A logger that formats every entry (so formatting is exercised) and keeps them for assertions.</summary>
internal sealed class TestLogger<T> : ILogger<T>
{
    private readonly Lock _lock = new();
    private readonly List<(LogLevel Level, EventId EventId, string Message)> _entries = [];

    /// <summary>When false, entries are formatted but not kept (for long fuzz runs).</summary>
    public bool Keep { get; init; } = true;

    public IReadOnlyList<(LogLevel Level, EventId EventId, string Message)> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        if (Keep)
        {
            lock (_lock)
            {
                _entries.Add((logLevel, eventId, message));
            }
        }
    }
}
