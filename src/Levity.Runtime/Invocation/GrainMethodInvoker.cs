using System.Reflection;
using Levity.Runtime.Concurrency;
using Levity.Runtime.Filters;

namespace Levity.Runtime.Invocation;

/// <summary>
/// One grain interface method, prepared once: its metadata and a compiled call to the grain
/// (no reflection invoke per call).
/// </summary>
internal abstract class GrainMethodInvoker
{
    protected GrainMethodInvoker(MethodInfo interfaceMethod, MethodInfo implementationMethod)
    {
        InterfaceMethod = interfaceMethod;
        ImplementationMethod = implementationMethod;
        AlwaysInterleave = interfaceMethod.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: false)
            || implementationMethod.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: false);
        DisplayName = $"{interfaceMethod.DeclaringType!.Name}.{interfaceMethod.Name}";
    }

    public MethodInfo InterfaceMethod { get; }

    public MethodInfo ImplementationMethod { get; }

    public bool AlwaysInterleave { get; }

    /// <summary>Interface.Method, for logs.</summary>
    public string DisplayName { get; }

    /// <summary>Starts a call from a grain reference; returns what the proxy method returns.</summary>
    public abstract object Invoke(GrainReference reference, object?[] arguments);
}

/// <summary>
/// A grain method whose result is <typeparamref name="TResult"/> (<see cref="object"/> for methods
/// returning <see cref="Task"/> or <see cref="ValueTask"/>, whose result is always null).
/// </summary>
internal abstract class GrainMethodInvoker<TResult>(MethodInfo interfaceMethod, MethodInfo implementationMethod)
    : GrainMethodInvoker(interfaceMethod, implementationMethod)
{
    public sealed override object Invoke(GrainReference reference, object?[] arguments) =>
        ToReturnValue(reference.Silo.InvokeAsync(reference, this, arguments));

    /// <summary>Adapts the call's task to the interface method's return type.</summary>
    protected abstract object ToReturnValue(Task<TResult> call);

    /// <summary>
    /// Calls the grain method. When it completes synchronously and successfully the result is
    /// stored in <paramref name="context"/> and a completed task is returned without allocating.
    /// </summary>
    public abstract Task InvokeGrain(object grain, object?[] arguments, IncomingGrainCallContext<TResult> context);
}
