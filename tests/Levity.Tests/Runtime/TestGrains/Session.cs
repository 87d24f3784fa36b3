namespace Levity.Tests.Runtime.TestGrains;

/// <summary>A fake connection: records what grains push to it.</summary>
public sealed class Session(string name, bool broken = false) : ISessionObserver
{
    private readonly List<string> _received = [];

    public string Name { get; } = name;

    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Whether the last push ran with a synchronization context (it must not: it runs outside the grain).</summary>
    public bool SawSynchronizationContext { get; private set; }

    public Task Push(string message)
    {
        SawSynchronizationContext = SynchronizationContext.Current is not null;
        if (broken)
        {
            throw new IOException($"session {Name} is closed");
        }

        lock (_received)
        {
            _received.Add(message);
        }

        return Task.CompletedTask;
    }

    public ValueTask<int> GetReceivedCount() => new(Received.Count);
}
