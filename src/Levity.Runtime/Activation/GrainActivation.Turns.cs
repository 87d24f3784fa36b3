namespace Levity.Runtime.Activation;

/// <summary>Turn bookkeeping: which messages may start, in what order.</summary>
internal sealed partial class GrainActivation
{
    /// <summary>Ends a turn started from the run queue or handed over to a <see cref="PendingCall{TResult}"/>.</summary>
    public void CompleteTurn(bool interleave, bool keepAlive)
    {
        var now = keepAlive ? _timeProvider.GetTimestamp() : 0;
        lock (_lock)
        {
            CompleteTurnLocked(interleave, keepAlive, now);
        }
    }

    private AcceptResult AcceptLocked(IActivationMessage message)
    {
        switch (_state)
        {
            case ActivationState.Invalid:
                return AcceptResult.Invalid;
            case ActivationState.Valid when message.IsInterleaving || (_inbox.Count == 0 && !_exclusiveTurn):
                BeginTurnLocked(message.IsInterleaving);
                _ready.Enqueue(new ReadyItem(message));
                ScheduleLocked();
                return AcceptResult.Accepted;
        }

        if (_inbox.Count >= Silo.MaxEnqueuedRequests)
        {
            return AcceptResult.Full;
        }

        _inbox.Enqueue(message);
        if (message.IsInterleaving)
        {
            _interleavingQueued++;
        }

        if (_state == ActivationState.Created)
        {
            _state = ActivationState.Activating;
            _ready.Enqueue(new ReadyItem(LifecycleWorkItem.Activate));
            ScheduleLocked();
        }

        return AcceptResult.Accepted;
    }

    private void BeginTurnLocked(bool interleave)
    {
        _runningTurns++;
        if (!interleave)
        {
            _exclusiveTurn = true;
        }
    }

    private void CompleteTurnLocked(bool interleave, bool keepAlive, long now)
    {
        _runningTurns--;
        if (!interleave)
        {
            _exclusiveTurn = false;
        }

        if (keepAlive)
        {
            _lastActivity = now;
        }

        AdmitLocked();
        if (_state == ActivationState.Deactivating && _runningTurns == 0)
        {
            QueueFinishDeactivationLocked();
        }

        ScheduleLocked();
    }

    /// <summary>
    /// Moves queued messages whose turn may start now to the run queue: non-interleaving ones in
    /// arrival order, interleaving ones (queued while activating) even past a blocked head.
    /// </summary>
    private void AdmitLocked()
    {
        if (_state != ActivationState.Valid)
        {
            return;
        }

        while (_inbox.TryPeek(out var next) && (next.IsInterleaving || !_exclusiveTurn))
        {
            AdmitLocked(_inbox.Dequeue());
        }

        for (var remaining = _inbox.Count; remaining > 0 && _interleavingQueued > 0; remaining--)
        {
            var message = _inbox.Dequeue();
            if (message.IsInterleaving)
            {
                AdmitLocked(message);
            }
            else
            {
                _inbox.Enqueue(message);
            }
        }
    }

    private void AdmitLocked(IActivationMessage message)
    {
        if (message.IsInterleaving)
        {
            _interleavingQueued--;
        }

        BeginTurnLocked(message.IsInterleaving);
        _ready.Enqueue(new ReadyItem(message));
    }

    /// <summary>Empties the inbox (the activation is going away).</summary>
    private List<IActivationMessage> TakeInboxLocked()
    {
        List<IActivationMessage> queued = [.. _inbox];
        _inbox.Clear();
        _interleavingQueued = 0;
        return queued;
    }
}
