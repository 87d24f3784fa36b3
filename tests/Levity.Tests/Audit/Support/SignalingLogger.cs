using Microsoft.Extensions.Logging;

namespace Levity.Tests.Audit.Support;

/// <summary>Keeps log entries and lets a test wait for an event id: a real signal instead of a sleep.</summary>
internal sealed class SignalingLogger<T> : ILogger<T>
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);
    private readonly Lock _lock = new();
    private readonly List<(LogLevel Level, int EventId, string Message)> _entries = [];
    private readonly List<(int EventId, TaskCompletionSource Signal)> _waiters = [];

    public IReadOnlyList<(LogLevel Level, int EventId, string Message)> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public bool Has(int eventId) => Entries.Any(e => e.EventId == eventId);

    public async Task WaitForAsync(int eventId)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_entries.Any(e => e.EventId == eventId))
            {
                return;
            }

            _waiters.Add((eventId, signal));
        }

        try
        {
            await signal.Task.WaitAsync(WaitLimit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"log event {eventId} not seen; got: {string.Join(" | ", Entries.Select(e => $"{e.EventId} {e.Message}"))}");
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        lock (_lock)
        {
            _entries.Add((logLevel, eventId.Id, message));
            foreach (var waiter in _waiters.Where(w => w.EventId == eventId.Id).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }
}
