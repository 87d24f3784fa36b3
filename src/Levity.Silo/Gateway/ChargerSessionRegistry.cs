using System.Collections.Concurrent;

namespace Levity.Silo.Gateway;

/// <summary>
/// The connected chargers by id. A new connection for an id replaces the old one; removing a
/// session only succeeds while it is still the current one, so a replaced session's cleanup
/// never clobbers its successor.
/// </summary>
public sealed class ChargerSessionRegistry
{
    private readonly ConcurrentDictionary<string, ChargerSession> _sessions = new(StringComparer.Ordinal);
    private long _generation;

    public long NextGeneration() => Interlocked.Increment(ref _generation);

    /// <summary>Makes <paramref name="session"/> current; returns the session it replaced, if any.</summary>
    public ChargerSession? Register(ChargerSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        ChargerSession? replaced = null;
        _sessions.AddOrUpdate(
            session.ChargePointId,
            static (_, s) => s,
            (_, existing, s) =>
            {
                replaced = existing;
                return s;
            },
            session);
        return replaced;
    }

    /// <summary>Removes the session if it is still current; false when a newer one replaced it.</summary>
    public bool Remove(ChargerSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _sessions.TryRemove(new KeyValuePair<string, ChargerSession>(session.ChargePointId, session));
    }

    public bool TryGet(string chargePointId, out ChargerSession session) =>
        _sessions.TryGetValue(chargePointId, out session!);

    public int Count => _sessions.Count;

    public ICollection<ChargerSession> Sessions => _sessions.Values;
}
