using System.Reflection;

namespace Levity.Runtime.Invocation;

/// <summary>Builds the invoker matching a grain method's return type (one of the four task shapes).</summary>
internal static class GrainMethodInvokerFactory
{
    private static readonly MethodInfo CreateTaskResultMethod =
        typeof(GrainMethodInvokerFactory).GetMethod(nameof(CreateTaskResult), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo CreateValueTaskResultMethod =
        typeof(GrainMethodInvokerFactory).GetMethod(nameof(CreateValueTaskResult), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static GrainMethodInvoker Create(MethodInfo interfaceMethod, MethodInfo implementationMethod)
    {
        var returnType = interfaceMethod.ReturnType;
        if (returnType == typeof(Task))
        {
            return new TaskMethodInvoker(interfaceMethod, implementationMethod, MethodDelegateCompiler.Compile<Task>(interfaceMethod));
        }

        if (returnType == typeof(ValueTask))
        {
            return new ValueTaskMethodInvoker(interfaceMethod, implementationMethod, MethodDelegateCompiler.Compile<ValueTask>(interfaceMethod));
        }

        var factory = returnType.GetGenericTypeDefinition() == typeof(Task<>) ? CreateTaskResultMethod : CreateValueTaskResultMethod;
        return (GrainMethodInvoker)factory.MakeGenericMethod(returnType.GetGenericArguments()[0])
            .Invoke(null, [interfaceMethod, implementationMethod])!;
    }

    private static TaskResultMethodInvoker<TResult> CreateTaskResult<TResult>(MethodInfo interfaceMethod, MethodInfo implementationMethod) =>
        new TaskResultMethodInvoker<TResult>(
            interfaceMethod, implementationMethod, MethodDelegateCompiler.Compile<Task<TResult>>(interfaceMethod));

    private static ValueTaskResultMethodInvoker<TResult> CreateValueTaskResult<TResult>(MethodInfo interfaceMethod, MethodInfo implementationMethod) =>
        new ValueTaskResultMethodInvoker<TResult>(
            interfaceMethod, implementationMethod, MethodDelegateCompiler.Compile<ValueTask<TResult>>(interfaceMethod));
}
