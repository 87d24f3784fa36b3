using Levity.Runtime.Activation;

namespace Levity.Runtime.Timers;

/// <summary>
/// A grain timer. Each tick is a message to the activation; the next tick is scheduled only once
/// the previous one has completed, so ticks never overlap.
/// </summary>
internal sealed class GrainTimer<TState> : IGrainTimer, IActivationMessage
{
    private readonly GrainActivation _activation;
    private readonly Func<TState, CancellationToken, Task> _callback;
    private readonly TState _state;
    private readonly bool _keepAlive;
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _cancellation = new();
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private bool _tickInProgress;
    private bool _changedDuringTick;
    private bool _disposed;

    public GrainTimer(GrainActivation activation, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        Validate(options.DueTime, options.Period);
        _activation = activation;
        _callback = callback;
        _state = state;
        _keepAlive = options.KeepAlive;
        _dueTime = options.DueTime;
        _period = options.Period;
        IsInterleaving = options.Interleave || activation.GrainClass.IsReentrant;

        // The timer must not capture the registering call's execution context (and its async locals).
        var suppressFlow = !ExecutionContext.IsFlowSuppressed();
        var flowControl = suppressFlow ? ExecutionContext.SuppressFlow() : default;
        try
        {
            _timer = activation.Silo.TimeProvider.CreateTimer(
                static state => ((GrainTimer<TState>)state!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            if (suppressFlow)
            {
                flowControl.Undo();
            }
        }
    }

    public bool IsInterleaving { get; }

    public void Start()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _timer.Change(_dueTime, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _dueTime = dueTime;
            _period = period;
            if (_tickInProgress)
            {
                _changedDuringTick = true;
            }
            else
            {
                _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _timer.Dispose();
        _cancellation.Cancel();
        _activation.RemoveTimer(this);
    }

    /// <summary>Runs the tick as a turn of the activation.</summary>
    public void Execute(GrainActivation activation)
    {
        Task tick;
        try
        {
            tick = _callback(_state, _cancellation.Token);
        }
        catch (Exception exception)
        {
            tick = Task.FromException(exception);
        }

        if (tick.IsCompleted)
        {
            OnTickCompleted(tick);
            return;
        }

        tick.ContinueWith(
            static (completed, state) => ((GrainTimer<TState>)state!).OnTickCompleted(completed),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public void Reject(Exception exception) => SkipTick(reschedule: true);

    public void OnActivationLost(GrainActivation activation) => SkipTick(reschedule: false);

    private void OnDue()
    {
        lock (_lock)
        {
            if (_disposed || _tickInProgress)
            {
                return;
            }

            _tickInProgress = true;
        }

        switch (_activation.Accept(this))
        {
            case AcceptResult.Full:
                SkipTick(reschedule: true);
                break;
            case AcceptResult.Invalid:
                SkipTick(reschedule: false);
                break;
        }
    }

    private void OnTickCompleted(Task tick)
    {
        if (tick.IsFaulted)
        {
            _activation.LogTimerTickFailed(tick.Exception!.InnerException!);
        }

        // Re-armed before the turn ends: the next tick cannot run before this turn is over (it
        // queues like any message), and once the activation is idle the schedule is settled.
        SkipTick(reschedule: true);
        _activation.CompleteTurn(IsInterleaving, _keepAlive);
    }

    private void SkipTick(bool reschedule)
    {
        lock (_lock)
        {
            _tickInProgress = false;
            if (_disposed || !reschedule)
            {
                return;
            }

            if (_changedDuringTick)
            {
                _changedDuringTick = false;
                _timer.Change(_dueTime, Timeout.InfiniteTimeSpan);
            }
            else if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "Due time must be zero or more, or Timeout.InfiniteTimeSpan.");
        }

        if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be zero or more, or Timeout.InfiniteTimeSpan.");
        }
    }
}
