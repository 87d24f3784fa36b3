using System.Reflection;
using Levity.Runtime.Activation;
using Levity.Runtime.Invocation;

namespace Levity.Runtime.Filters;

/// <summary>
/// The filter pipeline of one call: silo-wide filters, the grain's own filter, then the grain
/// method. Instances are pooled per thread and reused once the call's turn is over.
/// </summary>
internal sealed class IncomingGrainCallContext<TResult> : IIncomingGrainCallContext
{
    // One spare per thread covers the synchronous path, where the same thread rents and returns.
    [ThreadStatic]
    private static IncomingGrainCallContext<TResult>? _spare;

    private static readonly Task<TResult> DefaultResult = Task.FromResult(default(TResult)!);

    private GrainActivation _activation = null!;
    private GrainMethodInvoker<TResult> _invoker = null!;
    private object?[] _arguments = [];
    private int _stage;
    private TResult _result = default!;
    private Task<TResult>? _grainResultTask;
    private bool _resultOverridden;
    private Task? _grainMethodTask;

    public object Grain => _activation.GrainInstance!;

    public IGrainContext TargetContext => _activation;

    public GrainId TargetId => _activation.GrainId;

    public MethodInfo InterfaceMethod => _invoker.InterfaceMethod;

    public MethodInfo ImplementationMethod => _invoker.ImplementationMethod;

    public string MethodName => _invoker.InterfaceMethod.Name;

    public object?[] Arguments => _arguments;

    public object? Result
    {
        get => _result;
        set
        {
            _result = value switch
            {
                TResult result => result,
                null when default(TResult) is null => default!,
                _ => throw new InvalidCastException(
                    $"{_invoker.DisplayName} returns {typeof(TResult)}; a filter cannot set its result to {value?.GetType().ToString() ?? "null"}."),
            };
            _resultOverridden = true;
        }
    }

    /// <summary>Whether the pipeline reached the grain method.</summary>
    public bool GrainMethodInvoked { get; private set; }

    /// <summary>
    /// The grain method's task while it is still running (a filter may have returned without
    /// awaiting it); the call's turn lasts until it completes.
    /// </summary>
    public Task? PendingGrainMethod => _grainMethodTask is { IsCompleted: false } task ? task : null;

    public static IncomingGrainCallContext<TResult> Rent(
        GrainActivation activation, GrainMethodInvoker<TResult> invoker, object?[] arguments)
    {
        var context = _spare;
        if (context is null)
        {
            context = new IncomingGrainCallContext<TResult>();
        }
        else
        {
            _spare = null;
        }

        context._activation = activation;
        context._invoker = invoker;
        context._arguments = arguments;
        return context;
    }

    public void Return()
    {
        _activation = null!;
        _invoker = null!;
        _arguments = [];
        _stage = 0;
        _result = default!;
        _grainResultTask = null;
        _resultOverridden = false;
        _grainMethodTask = null;
        GrainMethodInvoked = false;
        _spare = this;
    }

    /// <summary>Runs the pipeline; exceptions come back in the task, never thrown.</summary>
    public Task Start()
    {
        try
        {
            return Invoke();
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }
    }

    public Task Invoke()
    {
        var stage = _stage++;
        var filters = _activation.Silo.CallFilters;
        if (stage < filters.Length)
        {
            return filters[stage].Invoke(this);
        }

        stage -= filters.Length;
        if (_activation.GrainFilter is { } grainFilter)
        {
            if (stage == 0)
            {
                return grainFilter.Invoke(this);
            }

            stage--;
        }

        if (stage == 0)
        {
            GrainMethodInvoked = true;
            var task = _invoker.InvokeGrain(_activation.GrainInstance!, _arguments, this);
            if (!task.IsCompleted)
            {
                _grainMethodTask = task;
            }

            return task;
        }

        throw new InvalidOperationException(
            $"Invoke() was called again for {_invoker.DisplayName} on {_activation.GrainId}; the grain method runs at most once per call.");
    }

    public void SetGrainResult(TResult value, Task<TResult>? source)
    {
        _result = value;
        _grainResultTask = source;
        _resultOverridden = false;
    }

    public TResult GetResult() => _result;

    /// <summary>The result as a completed task, allocating only when no cached task fits.</summary>
    public Task<TResult> GetResultTask()
    {
        if (!_resultOverridden && _grainResultTask is not null)
        {
            return _grainResultTask;
        }

        return EqualityComparer<TResult>.Default.Equals(_result, default!) ? DefaultResult : Task.FromResult(_result);
    }
}
