using System.Reflection;
using Levity.Runtime.Invocation;

namespace Levity.Runtime.Observers;

/// <summary>One observer interface method, prepared once: a compiled call and a way to fail it in the method's return shape.</summary>
internal sealed class ObserverMethod
{
    private static readonly MethodInfo FailTaskResultMethod =
        typeof(ObserverMethod).GetMethod(nameof(FailTaskResult), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo FailValueTaskResultMethod =
        typeof(ObserverMethod).GetMethod(nameof(FailValueTaskResult), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<object, object?[], object?> _call;
    private readonly Func<Exception, object> _fail;

    public ObserverMethod(MethodInfo interfaceMethod)
    {
        _call = MethodDelegateCompiler.Compile<object?>(interfaceMethod);
        var returnType = interfaceMethod.ReturnType;
        _fail = returnType == typeof(Task) ? Task.FromException
            : returnType == typeof(ValueTask) ? static exception => new ValueTask(Task.FromException(exception))
            : (returnType.GetGenericTypeDefinition() == typeof(Task<>) ? FailTaskResultMethod : FailValueTaskResultMethod)
                .MakeGenericMethod(returnType.GetGenericArguments()[0])
                .CreateDelegate<Func<Exception, object>>();
    }

    /// <summary>Calls the target; a synchronous throw comes back as a failed task.</summary>
    public object Invoke(object target, object?[] arguments)
    {
        try
        {
            return _call(target, arguments) ?? throw new InvalidOperationException("An observer method returned null instead of a task.");
        }
        catch (Exception exception)
        {
            return _fail(exception);
        }
    }

    public object Fail(Exception exception) => _fail(exception);

    private static Task<T> FailTaskResult<T>(Exception exception) => Task.FromException<T>(exception);

    // Boxed on purpose: the delegate returns object, as the proxy does.
#pragma warning disable CA1859
    private static object FailValueTaskResult<T>(Exception exception) => new ValueTask<T>(Task.FromException<T>(exception));
#pragma warning restore CA1859
}
