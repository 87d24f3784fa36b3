using System.Diagnostics.CodeAnalysis;
using Levity.Runtime.Filters;
using Levity.Runtime.Hosting;
using Levity.Runtime.Invocation;
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

    private LimitExceededException QueueFull() =>
        new($"{GrainId} already has {Silo.MaxEnqueuedRequests} queued calls (SiloMessagingOptions.MaxEnqueuedRequestsHardLimit).");
}
