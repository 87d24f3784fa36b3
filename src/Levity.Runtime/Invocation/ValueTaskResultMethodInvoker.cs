using System.Reflection;
using Levity.Runtime.Filters;

namespace Levity.Runtime.Invocation;

/// <summary>A grain method returning <see cref="ValueTask{TResult}"/>.</summary>
internal sealed class ValueTaskResultMethodInvoker<TResult>(
    MethodInfo interfaceMethod,
    MethodInfo implementationMethod,
    Func<object, object?[], ValueTask<TResult>> grainCall)
    : GrainMethodInvoker<TResult>(interfaceMethod, implementationMethod)
{
    protected override object ToReturnValue(Task<TResult> call) => new ValueTask<TResult>(call);

    public override Task InvokeGrain(object grain, object?[] arguments, IncomingGrainCallContext<TResult> context)
    {
        var valueTask = grainCall(grain, arguments);
        if (valueTask.IsCompletedSuccessfully)
        {
            context.SetGrainResult(valueTask.Result, null);
            return Task.CompletedTask;
        }

        return AwaitResultAsync(valueTask, context);
    }

    private static async Task AwaitResultAsync(ValueTask<TResult> valueTask, IncomingGrainCallContext<TResult> context) =>
        context.SetGrainResult(await valueTask.ConfigureAwait(false), null);
}
