using System.Reflection;
using Levity.Runtime.Filters;

namespace Levity.Runtime.Invocation;

/// <summary>A grain method returning <see cref="Task{TResult}"/>.</summary>
internal sealed class TaskResultMethodInvoker<TResult>(
    MethodInfo interfaceMethod,
    MethodInfo implementationMethod,
    Func<object, object?[], Task<TResult>> grainCall)
    : GrainMethodInvoker<TResult>(interfaceMethod, implementationMethod)
{
    protected override object ToReturnValue(Task<TResult> call) => call;

    public override Task InvokeGrain(object grain, object?[] arguments, IncomingGrainCallContext<TResult> context)
    {
        var task = grainCall(grain, arguments);
        if (task.IsCompletedSuccessfully)
        {
            // The grain's own task can go back to the caller if no filter overrides the result.
            context.SetGrainResult(task.Result, task);
            return Task.CompletedTask;
        }

        return AwaitResultAsync(task, context);
    }

    private static async Task AwaitResultAsync(Task<TResult> task, IncomingGrainCallContext<TResult> context) =>
        context.SetGrainResult(await task.ConfigureAwait(false), task);
}
