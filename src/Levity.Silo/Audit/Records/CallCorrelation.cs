namespace Levity.Silo.Audit.Records;

/// <summary>
/// Remembers each charger's unanswered CALLs (both directions) so a CALLRESULT or CALLERROR gets
/// the action, and so the tag, of the CALL it answers. Bounded: OCPP-J allows one outstanding
/// CALL per direction, so a small ring per charger and direction suffices; a CALL never answered
/// is overwritten in time. Used by the audit sender only (one thread), so not synchronized.
/// </summary>
internal sealed class CallCorrelation(int slotsPerDirection = 16, int maxChargers = 10_000)
{
    private readonly Dictionary<string, ChargerCalls> _chargers = new(StringComparer.Ordinal);

    public int ChargerCount => _chargers.Count;

    /// <summary>A CALL went <paramref name="direction"/> with <paramref name="messageId"/>.</summary>
    public void Called(string chargePointId, AuditDirection direction, string messageId, PendingCall call)
    {
        if (!_chargers.TryGetValue(chargePointId, out var calls))
        {
            if (_chargers.Count >= maxChargers)
            {
                // Only reachable with more chargers than any site has; forgetting costs tags, not correctness.
                _chargers.Clear();
            }

            calls = new ChargerCalls(slotsPerDirection);
            _chargers.Add(chargePointId, calls);
        }

        calls.For(direction).Add(messageId, call);
    }

    /// <summary>
    /// An answer went <paramref name="answerDirection"/>: finds and forgets the CALL it answers,
    /// which went the other way.
    /// </summary>
    public bool TryAnswer(string chargePointId, AuditDirection answerDirection, string messageId, out PendingCall call)
    {
        call = default;
        var callDirection = answerDirection == AuditDirection.Received ? AuditDirection.Sent : AuditDirection.Received;
        return _chargers.TryGetValue(chargePointId, out var calls) && calls.For(callDirection).TryRemove(messageId, out call);
    }

    /// <summary>The charger's session ended: forget it unless a newer session's calls are pending.</summary>
    public void Disconnected(string chargePointId)
    {
        if (_chargers.TryGetValue(chargePointId, out var calls) && calls.IsEmpty)
        {
            _chargers.Remove(chargePointId);
        }
    }

    private sealed class ChargerCalls(int slots)
    {
        private readonly Ring _received = new(slots);
        private readonly Ring _sent = new(slots);

        public bool IsEmpty => _received.IsEmpty && _sent.IsEmpty;

        public Ring For(AuditDirection direction) => direction == AuditDirection.Received ? _received : _sent;
    }

    private sealed class Ring(int size)
    {
        private readonly string?[] _ids = new string?[size];
        private readonly PendingCall[] _calls = new PendingCall[size];
        private int _next;
        private int _count;

        public bool IsEmpty => _count == 0;

        public void Add(string messageId, PendingCall call)
        {
            if (_ids[_next] is null)
            {
                _count++;
            }

            _ids[_next] = messageId;
            _calls[_next] = call;
            _next = (_next + 1) % _ids.Length;
        }

        public bool TryRemove(string messageId, out PendingCall call)
        {
            // Newest first: the answer is almost always to the latest call.
            for (var i = 1; i <= _ids.Length; i++)
            {
                var slot = (_next - i + _ids.Length) % _ids.Length;
                if (string.Equals(_ids[slot], messageId, StringComparison.Ordinal))
                {
                    call = _calls[slot];
                    _ids[slot] = null;
                    _calls[slot] = default;
                    _count--;
                    return true;
                }
            }

            call = default;
            return false;
        }
    }
}
