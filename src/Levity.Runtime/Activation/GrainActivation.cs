using System.Diagnostics.CodeAnalysis;
using Levity.Runtime.Filters;
using Levity.Runtime.Hosting;
using Levity.Runtime.Invocation;
using Levity.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Levity.Runtime.Activation;

/// <summary>
/// One activation of a grain: its instance, its mailbox and its single thread of execution.
/// </summary>
/// <remarks>
/// <para>Turns: a call's turn lasts until its task completes, awaits included. A non-interleaving
/// turn runs only when no other non-interleaving turn is in progress; calls wait in the inbox in
/// arrival order. Interleaving turns (<c>[AlwaysInterleave]</c>, <c>[Reentrant]</c>, interleaving
/// timers) start at once.</para>
/// <para>Execution: all code of the activation (turn starts and the continuations of its awaits,
/// posted through <see cref="ActivationSynchronizationContext"/>) runs one piece at a time, from
/// the run queue, on a thread-pool thread that holds <c>_executing</c>. When the activation is idle
/// a call runs inline on the caller's thread instead (the fast path: no queueing, no allocation
/// when the grain method completes synchronously).</para>
/// </remarks>
internal sealed partial class GrainActivation : IGrainContext, IThreadPoolWorkItem
{
    // Fairness: after this many run-queue items a drain gives its thread back to the pool.
    private const int MaxItemsPerDrain = 64;

    [ThreadStatic]
    private static GrainActivation? _constructing;

    private readonly Lock _lock = new();
    private readonly Queue<ReadyItem> _ready = new();
    private readonly Queue<IActivationMessage> _inbox = new();
    private readonly ActivationSynchronizationContext _synchronizationContext;
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private ActivationState _state;
    private bool _executing;
    private int _runningTurns;
    private bool _exclusiveTurn;
    private int _interleavingQueued;
    private long _lastActivity;
    private long _keepAliveUntil;
    private Grain? _grain;
    private AsyncServiceScope? _scope;

    public GrainActivation(Silo silo, GrainId grainId, GrainClassInfo grainClass)
    {
        Silo = silo;
        GrainId = grainId;
        GrainClass = grainClass;
        _timeProvider = silo.TimeProvider;
        _logger = silo.ActivationLogger;
        _synchronizationContext = new ActivationSynchronizationContext(this);
        _lastActivity = _timeProvider.GetTimestamp();
    }

    /// <summary>The activation whose grain is being constructed on this thread (read by <see cref="Grain"/>'s constructor).</summary>
    public static GrainActivation? Constructing => _constructing;

    public Silo Silo { get; }

    public GrainId GrainId { get; }

    public GrainClassInfo GrainClass { get; }

    public object? GrainInstance => _grain;

    /// <summary>The grain itself when its class implements <see cref="IIncomingGrainCallFilter"/>.</summary>
    public IIncomingGrainCallFilter? GrainFilter { get; private set; }

    public IServiceProvider ActivationServices => _scope?.ServiceProvider ?? Silo.Services;

    public Task Deactivated => _deactivated.Task;

    /// <summary>A hint for callers holding a cached reference; <see cref="TryInvoke"/> rechecks under the lock.</summary>
    public bool IsInvalid => _state == ActivationState.Invalid;

    /// <summary>
    /// Starts a call. Returns false when the activation is gone (the caller looks it up again).
    /// Runs the call inline when the activation is idle; otherwise queues it.
    /// </summary>
    public bool TryInvoke<TResult>(GrainMethodInvoker<TResult> invoker, object?[] arguments, [NotNullWhen(true)] out Task<TResult>? call)
    {
        var interleave = invoker.AlwaysInterleave || GrainClass.IsReentrant;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                call = null;
                return false;
            }

            if (_state != ActivationState.Valid || _executing || _inbox.Count > 0 || (_exclusiveTurn && !interleave))
            {
                var pending = new PendingCall<TResult>(Silo, invoker, arguments, interleave, ExecutionContext.Capture());
                if (AcceptLocked(pending) == AcceptResult.Full)
                {
                    pending.Reject(QueueFull());
                }

                call = pending.Task;
                return true;
            }

            _executing = true;
            BeginTurnLocked(interleave);
        }

        call = RunInline(invoker, arguments, interleave);
        return true;
    }

    /// <summary>Queues a message (a forwarded call or a timer tick).</summary>
    public AcceptResult Accept(IActivationMessage message)
    {
        lock (_lock)
        {
            return AcceptLocked(message);
        }
    }

    /// <summary>Ends a turn started from the run queue or handed over to a <see cref="PendingCall{TResult}"/>.</summary>
    public void CompleteTurn(bool interleave, bool keepAlive)
    {
        var now = keepAlive ? _timeProvider.GetTimestamp() : 0;
        lock (_lock)
        {
            CompleteTurnLocked(interleave, keepAlive, now);
        }
    }

    /// <summary>Called by <see cref="ActivationSynchronizationContext"/>: runs a continuation on this activation.</summary>
    public void Post(SendOrPostCallback callback, object? state)
    {
        // Continuations are never refused, even after deactivation: dropping one would hang its awaiter.
        lock (_lock)
        {
            _ready.Enqueue(new ReadyItem(callback, state));
            ScheduleLocked();
        }
    }

    public override string ToString() => $"Activation:{GrainId}";

    private Task<TResult> RunInline<TResult>(GrainMethodInvoker<TResult> invoker, object?[] arguments, bool interleave)
    {
        var context = IncomingGrainCallContext<TResult>.Rent(this, invoker, arguments);
        var previousSynchronizationContext = SynchronizationContext.Current;
        var previousActivation = RuntimeContext.Current;
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext);
        RuntimeContext.Current = this;
        Task pipeline;
        try
        {
            pipeline = context.Start();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previousSynchronizationContext);
            RuntimeContext.Current = previousActivation;
        }

        if (pipeline.IsCompleted && context.PendingGrainMethod is null)
        {
            Task<TResult> result;
            if (pipeline.IsCompletedSuccessfully)
            {
                result = context.GetResultTask();
            }
            else
            {
                LogCallFailed(invoker, context.GrainMethodInvoked, pipeline);
                result = TaskResults.FromFailed<TResult>(pipeline);
            }

            context.Return();
            var now = _timeProvider.GetTimestamp();
            lock (_lock)
            {
                CompleteTurnLocked(interleave, keepAlive: true, now);
                EndSegmentLocked();
            }

            Silo.OnCallCompleted();
            return result;
        }

        // Still running (it awaits something): the rest of the turn runs from the run queue.
        var call = new PendingCall<TResult>(Silo, invoker, arguments, interleave, executionContext: null);
        call.Attach(this, context, pipeline);
        lock (_lock)
        {
            EndSegmentLocked();
        }

        return call.Task;
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

    private void ScheduleLocked()
    {
        if (!_executing && _ready.Count > 0)
        {
            _executing = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>The thread that held <c>_executing</c> (inline caller) lets go of it, or hands it to a drain.</summary>
    private void EndSegmentLocked()
    {
        if (_ready.Count > 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        else
        {
            _executing = false;
        }
    }

    /// <summary>Drains the run queue: one item at a time, with this activation's context current.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext);
        RuntimeContext.Current = this;
        try
        {
            for (var budget = MaxItemsPerDrain; ; budget--)
            {
                ReadyItem item;
                lock (_lock)
                {
                    if (_ready.Count == 0)
                    {
                        _executing = false;
                        return;
                    }

                    if (budget == 0)
                    {
                        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                        return;
                    }

                    item = _ready.Dequeue();
                }

                RunItem(item);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
            RuntimeContext.Current = null;
        }
    }

    private void RunItem(ReadyItem item)
    {
        try
        {
            if (item.WorkItem is { } workItem)
            {
                workItem.Execute(this);
            }
            else
            {
                item.Callback!(item.State);
            }
        }
        catch (Exception exception)
        {
            // Work items report their own failures; this is a callback posted by other code.
            Log.PostedCallbackFailed(_logger, GrainId, exception);
        }

        // Restore our context in case the item changed it.
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext);
        RuntimeContext.Current = this;
    }

    private LimitExceededException QueueFull() =>
        new($"{GrainId} already has {Silo.MaxEnqueuedRequests} queued calls (SiloMessagingOptions.MaxEnqueuedRequestsHardLimit).");

    private async Task DisposeGrainAsync()
    {
        try
        {
            switch (_grain)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }

            if (_scope is { } scope)
            {
                await scope.DisposeAsync();
            }
        }
        catch (Exception exception)
        {
            Log.DisposeFailed(_logger, GrainId, exception);
        }
    }

    private static void ClearConstructing() => _constructing = null;

    private void SetConstructing() => _constructing = this;

    private IGrainStateLoader[] CreateGrain()
    {
        var scope = Silo.Services.CreateAsyncScope();
        _scope = scope;
        SetConstructing();
        try
        {
            _grain = GrainClass.CreateInstance(GrainId, scope.ServiceProvider, out var states);
            GrainFilter = _grain as IIncomingGrainCallFilter;
            return states;
        }
        finally
        {
            ClearConstructing();
        }
    }
}
