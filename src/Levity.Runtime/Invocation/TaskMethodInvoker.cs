using System.Reflection;
using Levity.Runtime.Filters;

namespace Levity.Runtime.Invocation;

/// <summary>A grain method returning <see cref="Task"/>.</summary>
internal sealed class TaskMethodInvoker(
    MethodInfo interfaceMethod,
    MethodInfo implementationMethod,
    Func<object, object?[], Task> grainCall)
    : GrainMethodInvoker<object?>(interfaceMethod, implementationMethod)
{
    protected override object ToReturnValue(Task<object?> call) => call;

    public override Task InvokeGrain(object grain, object?[] arguments, IncomingGrainCallContext<object?> context)
    {
        var task = grainCall(grain, arguments);
        return task.IsCompletedSuccessfully ? Task.CompletedTask : task;
    }
}
