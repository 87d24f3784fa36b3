namespace Levity.Tests.Runtime;

/// <summary>
/// What test grains report (activations, deactivations, ticks, ...), registered as a singleton so
/// tests can wait on real signals instead of sleeping.
/// </summary>
public sealed class GrainProbe
{
    /// <summary>Guard against a hung test; never a timing assertion.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly List<string> _events = [];
    private readonly List<(string Event, int Count, TaskCompletionSource Signal)> _waiters = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public void Record(string name)
    {
        List<TaskCompletionSource> ready = [];
        lock (_lock)
        {
            _events.Add(name);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (CountLocked(_waiters[i].Event) >= _waiters[i].Count)
                {
                    ready.Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var signal in ready)
        {
            signal.TrySetResult();
        }
    }

    public int Count(string name)
    {
        lock (_lock)
        {
            return CountLocked(name);
        }
    }

    /// <summary>Completes once <paramref name="name"/> has been recorded <paramref name="count"/> times.</summary>
    public Task WaitFor(string name, int count = 1)
    {
        lock (_lock)
        {
            if (CountLocked(name) >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((name, count, signal));
            return signal.Task.WaitAsync(Timeout);
        }
    }

    private int CountLocked(string name) => _events.Count(e => e == name);
}
