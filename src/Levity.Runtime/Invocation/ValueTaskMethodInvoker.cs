using System.Reflection;
using Levity.Runtime.Filters;

namespace Levity.Runtime.Invocation;

/// <summary>A grain method returning <see cref="ValueTask"/>.</summary>
internal sealed class ValueTaskMethodInvoker(
    MethodInfo interfaceMethod,
    MethodInfo implementationMethod,
    Func<object, object?[], ValueTask> grainCall)
    : GrainMethodInvoker<object?>(interfaceMethod, implementationMethod)
{
    protected override object ToReturnValue(Task<object?> call) => new ValueTask(call);

    public override Task InvokeGrain(object grain, object?[] arguments, IncomingGrainCallContext<object?> context)
    {
        var valueTask = grainCall(grain, arguments);
        if (valueTask.IsCompletedSuccessfully)
        {
            // Consumes the result so a pooled IValueTaskSource behind it is released.
            valueTask.GetAwaiter().GetResult();
            return Task.CompletedTask;
        }

        return valueTask.AsTask();
    }
}
