using Levity.Runtime.Timers;

namespace Levity.Runtime.Activation;

/// <summary>Work the activation owns outside its turns: background operations and timers.</summary>
internal sealed partial class GrainActivation
{
    private int _backgroundWork;
    private CancellationTokenSource? _backgroundCancellation;
    private TaskCompletionSource? _backgroundIdle;
    private List<IDisposable>? _timers;

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool, outside any turn, with a token cancelled on
    /// deactivation. The activation is not collected while it runs, and deactivation waits for it
    /// (up to the deactivation timeout).
    /// </summary>
    public Task StartBackgroundWork(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var cancellationToken = BeginBackgroundWork();
        return Track(Task.Run(() => work(cancellationToken), CancellationToken.None));
    }

    /// <inheritdoc cref="StartBackgroundWork(Func{CancellationToken, Task})"/>
    public Task<T> StartBackgroundWork<T>(Func<CancellationToken, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var cancellationToken = BeginBackgroundWork();
        var task = Task.Run(() => work(cancellationToken), CancellationToken.None);
        Track(task);
        return task;
    }

    public IGrainTimer RegisterTimer<TState>(
        Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer<TState>(this, callback, state, options);
        lock (_lock)
        {
            if (_deactivationRequested || _state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                timer.Dispose();
                throw new InvalidOperationException($"{GrainId} is deactivating; timers can no longer be registered.");
            }

            (_timers ??= []).Add(timer);
        }

        timer.Start();
        return timer;
    }

    public void RemoveTimer(IDisposable timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    private CancellationToken BeginBackgroundWork()
    {
        lock (_lock)
        {
            if (_deactivationRequested || _state is not (ActivationState.Valid or ActivationState.Activating))
            {
                throw new InvalidOperationException($"{GrainId} is deactivating; background work can no longer start.");
            }

            _backgroundCancellation ??= new CancellationTokenSource();
            _backgroundWork++;
            return _backgroundCancellation.Token;
        }
    }

    private Task Track(Task task)
    {
        task.ContinueWith(
            static (completed, state) => ((GrainActivation)state!).OnBackgroundWorkCompleted(completed),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }

    private void OnBackgroundWorkCompleted(Task task)
    {
        if (task.IsFaulted)
        {
            Log.BackgroundWorkFailed(_logger, GrainId, task.Exception!.InnerException!);
        }

        var now = _timeProvider.GetTimestamp();
        lock (_lock)
        {
            _lastActivity = now;
            if (--_backgroundWork == 0)
            {
                _backgroundIdle?.TrySetResult();
            }
        }
    }

    private void CancelBackgroundWork()
    {
        try
        {
            _backgroundCancellation?.Cancel();
        }
        catch (AggregateException exception)
        {
            // A callback registered on the token threw; the token is cancelled regardless.
            Log.BackgroundWorkFailed(_logger, GrainId, exception);
        }
    }

    private void StopTimers()
    {
        IDisposable[] timers;
        lock (_lock)
        {
            if (_timers is null)
            {
                return;
            }

            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }
}
