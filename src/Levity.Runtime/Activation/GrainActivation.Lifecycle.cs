namespace Levity.Runtime.Activation;

/// <summary>Activation, deactivation and idle collection.</summary>
internal sealed partial class GrainActivation
{
    private bool _deactivationRequested;
    private bool _finishDeactivationQueued;
    private DeactivationReason _deactivationReason;

    /// <summary>
    /// Asks for deactivation: timers stop and background work is cancelled at once; once background
    /// work has ended (or the deactivation timeout passed) no new turn starts, and after the running
    /// turns finish OnDeactivateAsync runs. Calls still queued then go to a new activation.
    /// </summary>
    public void Deactivate(DeactivationReason reason)
    {
        bool begin;
        lock (_lock)
        {
            begin = TryRequestDeactivationLocked(reason);
        }

        if (begin)
        {
            _ = DeactivateAsync();
        }
    }

    /// <summary>Keeps the activation from idle collection for at least <paramref name="timeSpan"/> (Orleans semantics).</summary>
    public void DelayDeactivation(TimeSpan timeSpan)
    {
        long until = 0;
        if (timeSpan == TimeSpan.MaxValue)
        {
            until = long.MaxValue;
        }
        else if (timeSpan > TimeSpan.Zero)
        {
            var now = _timeProvider.GetTimestamp();
            var ticks = timeSpan.TotalSeconds * _timeProvider.TimestampFrequency;
            until = ticks >= long.MaxValue - now ? long.MaxValue : now + (long)ticks;
        }

        lock (_lock)
        {
            _keepAliveUntil = until;
        }
    }

    /// <summary>Deactivates the activation if it has been idle for <paramref name="age"/>; true if it started to.</summary>
    public bool TryCollect(long now, TimeSpan age)
    {
        bool begin;
        lock (_lock)
        {
            begin = _state == ActivationState.Valid
                && _runningTurns == 0
                && _inbox.Count == 0
                && _backgroundWork == 0
                && _keepAliveUntil != long.MaxValue
                && now >= _keepAliveUntil
                && _timeProvider.GetElapsedTime(_lastActivity, now) >= age
                && TryRequestDeactivationLocked(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for at least {age}."));
        }

        if (begin)
        {
            _ = DeactivateAsync();
        }

        return begin;
    }

    /// <summary>Whether a turn is running or waiting (for tests: lets them wait until a turn has fully ended).</summary>
    internal bool IsBusy
    {
        get
        {
            lock (_lock)
            {
                return _runningTurns > 0 || _inbox.Count > 0 || _executing;
            }
        }
    }

    /// <summary>When the last activity that counts against idle collection ended (a <see cref="TimeProvider"/> timestamp).</summary>
    internal long LastActivity
    {
        get
        {
            lock (_lock)
            {
                return _lastActivity;
            }
        }
    }

    /// <summary>Runs as the first item of the run queue.</summary>
    public void RunActivation() => _ = ActivateAsync();

    /// <summary>Runs from the run queue once deactivating and no turn is running.</summary>
    public void RunDeactivation() => _ = FinishDeactivationAsync();

    /// <returns>Whether the caller must start deactivating now (otherwise it starts when activation completes, or is already under way).</returns>
    private bool TryRequestDeactivationLocked(DeactivationReason reason)
    {
        if (_deactivationRequested || _state is ActivationState.Deactivating or ActivationState.Invalid)
        {
            return false;
        }

        _deactivationRequested = true;
        _deactivationReason = reason;
        _keepAliveUntil = 0;
        if (_state == ActivationState.Created)
        {
            // Nothing ran yet: activate so the usual path (ending in deactivation) applies.
            _state = ActivationState.Activating;
            _ready.Enqueue(new ReadyItem(LifecycleWorkItem.Activate));
            ScheduleLocked();
            return false;
        }

        return _state == ActivationState.Valid;
    }

    private async Task ActivateAsync()
    {
        try
        {
            var states = CreateGrain();
            var cancellationToken = Silo.ShutdownToken;
            foreach (var state in states)
            {
                await state.LoadAsync(cancellationToken);
            }

            await _grain!.OnActivateAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            Log.ActivationFailed(_logger, GrainId, exception);
            await FailActivationAsync(exception);
            return;
        }

        Log.Activated(_logger, GrainId);
        var now = _timeProvider.GetTimestamp();
        bool deactivate;
        lock (_lock)
        {
            _state = ActivationState.Valid;
            _lastActivity = now;
            AdmitLocked();
            ScheduleLocked();
            deactivate = _deactivationRequested;
        }

        if (deactivate)
        {
            _ = DeactivateAsync();
        }
    }

    private async Task FailActivationAsync(Exception exception)
    {
        // Leave the directory first: a caller that then finds this activation invalid will not find it again.
        Silo.Directory.Remove(this);
        List<IActivationMessage> queued;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            queued = TakeInboxLocked();
        }

        foreach (var message in queued)
        {
            message.Reject(exception);
        }

        StopTimers();
        await DisposeGrainAsync();
        _deactivated.TrySetResult();
    }

    private async Task DeactivateAsync()
    {
        Log.Deactivating(_logger, GrainId, _deactivationReason);
        StopTimers();
        Task? backgroundIdle = null;
        lock (_lock)
        {
            if (_backgroundWork > 0)
            {
                _backgroundIdle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                backgroundIdle = _backgroundIdle.Task;
            }
        }

        CancelBackgroundWork();
        if (backgroundIdle is not null)
        {
            // Calls keep running meanwhile: background work may need the grain to finish.
            try
            {
                await backgroundIdle.WaitAsync(Silo.DeactivationTimeout, _timeProvider, Silo.ShutdownToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
            {
                Log.BackgroundWorkOutlivedDeactivation(_logger, GrainId);
            }
        }

        lock (_lock)
        {
            _state = ActivationState.Deactivating;
            if (_runningTurns == 0)
            {
                QueueFinishDeactivationLocked();
            }

            ScheduleLocked();
        }
    }

    private void QueueFinishDeactivationLocked()
    {
        if (!_finishDeactivationQueued)
        {
            _finishDeactivationQueued = true;
            _ready.Enqueue(new ReadyItem(LifecycleWorkItem.FinishDeactivation));
        }
    }

    private async Task FinishDeactivationAsync()
    {
        using (var timeout = new CancellationTokenSource(Silo.DeactivationTimeout, _timeProvider))
        using (var cancellation = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, Silo.ShutdownToken))
        {
            try
            {
                await _grain!.OnDeactivateAsync(_deactivationReason, cancellation.Token).WaitAsync(cancellation.Token);
            }
            catch (Exception exception)
            {
                Log.OnDeactivateFailed(_logger, GrainId, exception);
            }
        }

        await DisposeGrainAsync();
        Silo.Directory.Remove(this);
        List<IActivationMessage> queued;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            queued = TakeInboxLocked();
        }

        foreach (var message in queued)
        {
            message.OnActivationLost(this);
        }

        Log.Deactivated(_logger, GrainId, _deactivationReason);
        _deactivated.TrySetResult();
    }
}
