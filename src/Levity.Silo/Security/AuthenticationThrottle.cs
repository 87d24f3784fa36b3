using System.Collections.Concurrent;
using System.Net;

namespace Levity.Silo.Security;

/// <summary>
/// Slows down password guessing: after <see cref="FreeFailures"/> failed handshakes from one
/// address, each further attempt from it waits before it is checked, <see cref="FirstDelay"/> and
/// twice as long per further failure up to <see cref="MaxDelay"/>. Failures are forgotten <see cref="Window"/> after the last one, and a
/// successful handshake from the address forgets them at once. The table is bounded: an attacker
/// with many addresses cannot grow it without limit.
/// </summary>
public sealed class AuthenticationThrottle(TimeProvider time)
{
    public const int MaxAddresses = 10_000;

    public int FreeFailures { get; init; } = 3;

    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<IPAddress, Entry> _failures = new();

    /// <summary>How long an attempt from <paramref name="address"/> waits before it is checked.</summary>
    public TimeSpan DelayFor(IPAddress? address)
    {
        if (address is null || !_failures.TryGetValue(address, out var entry))
        {
            return TimeSpan.Zero;
        }

        if (time.GetUtcNow() - entry.Last > Window)
        {
            _failures.TryRemove(new KeyValuePair<IPAddress, Entry>(address, entry));
            return TimeSpan.Zero;
        }

        if (entry.Count < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var delay = FirstDelay * Math.Pow(2, Math.Min(entry.Count - FreeFailures, 16));
        return delay < MaxDelay ? delay : MaxDelay;
    }

    public void Failed(IPAddress? address)
    {
        if (address is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (_failures.Count >= MaxAddresses && !_failures.ContainsKey(address))
        {
            Prune(now);
        }

        _failures.AddOrUpdate(
            address,
            static (_, state) => new Entry(1, state.Now),
            static (_, e, state) => state.Now - e.Last > state.Window ? new Entry(1, state.Now) : new Entry(e.Count + 1, state.Now),
            (Now: now, Window));
    }

    public void Succeeded(IPAddress? address)
    {
        if (address is not null)
        {
            _failures.TryRemove(address, out _);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, entry) in _failures)
        {
            if (now - entry.Last > Window)
            {
                _failures.TryRemove(address, out _);
            }
        }

        if (_failures.Count >= MaxAddresses)
        {
            // Still full of live entries: start over rather than grow (the delay is a speed bump, not a lock).
            _failures.Clear();
        }
    }

    private sealed record Entry(int Count, DateTimeOffset Last);
}
