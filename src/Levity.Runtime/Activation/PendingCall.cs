using Levity.Runtime.Filters;
using Levity.Runtime.Hosting;
using Levity.Runtime.Invocation;

namespace Levity.Runtime.Activation;

/// <summary>
/// A grain call that could not complete synchronously: queued until its turn, or started inline
/// and still running. It is also the caller's task.
/// </summary>
internal sealed class PendingCall<TResult> : TaskCompletionSource<TResult>, IActivationMessage
{
    private static readonly ContextCallback StartCallback = static state => ((PendingCall<TResult>)state!).Start();

    private readonly Silo _silo;
    private readonly GrainMethodInvoker<TResult> _invoker;
    private readonly object?[] _arguments;
    private readonly ExecutionContext? _executionContext;
    private GrainActivation? _activation;
    private IncomingGrainCallContext<TResult>? _context;
    private Task? _pipeline;

    public PendingCall(Silo silo, GrainMethodInvoker<TResult> invoker, object?[] arguments, bool isInterleaving, ExecutionContext? executionContext)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        // Continuations run asynchronously so a caller never resumes on the activation's thread.
        _silo = silo;
        _invoker = invoker;
        _arguments = arguments;
        IsInterleaving = isInterleaving;
        _executionContext = executionContext;
    }

    public bool IsInterleaving { get; }

    /// <summary>Starts the turn (queued path), under the caller's execution context.</summary>
    public void Execute(GrainActivation activation)
    {
        _activation = activation;
        if (_executionContext is null)
        {
            Start();
        }
        else
        {
            ExecutionContext.Run(_executionContext, StartCallback, this);
        }
    }

    /// <summary>Takes over a turn started inline whose pipeline has not finished.</summary>
    public void Attach(GrainActivation activation, IncomingGrainCallContext<TResult> context, Task pipeline)
    {
        _activation = activation;
        _context = context;
        _pipeline = pipeline;
        OnProgress();
    }

    public void Reject(Exception exception)
    {
        TrySetException(exception);
        _silo.OnCallCompleted();
    }

    public void OnActivationLost(GrainActivation activation) => _silo.Forward(activation, this);

    private void Start()
    {
        _context = IncomingGrainCallContext<TResult>.Rent(_activation!, _invoker, _arguments);
        _pipeline = _context.Start();
        OnProgress();
    }

    private void OnProgress()
    {
        // The turn lasts until the pipeline and the grain method are both done (a filter may not await it).
        var pending = _pipeline!.IsCompleted ? _context!.PendingGrainMethod : _pipeline;
        if (pending is not null)
        {
            // ContinueWith(ExecuteSynchronously) runs on the completing thread even when that thread
            // is inside the activation (an awaiter would hop through the thread pool there).
            pending.ContinueWith(
                static (_, state) => ((PendingCall<TResult>)state!).OnProgress(),
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return;
        }

        var activation = _activation!;
        var context = _context!;
        activation.CompleteTurn(IsInterleaving, keepAlive: true);
        if (_pipeline.IsCompletedSuccessfully)
        {
            TrySetResult(context.GetResult());
        }
        else
        {
            activation.LogCallFailed(_invoker, context.GrainMethodInvoked, _pipeline);
            TaskResults.SetFailed(this, _pipeline);
        }

        context.Return();
        _silo.OnCallCompleted();
    }
}
