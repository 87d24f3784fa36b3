namespace Levity.Runtime.Filters;

/// <summary>
/// Intercepts calls arriving at grains (Orleans <c>IIncomingGrainCallFilter</c>): the plugin hook
/// of the runtime.
/// </summary>
/// <remarks>
/// <para>Order: silo-wide filters (registered with <c>silo.AddIncomingGrainCallFilter</c>) run first,
/// in registration order; then the grain's own filter, when the grain class implements this
/// interface; then the grain method. Filters run inside the call's turn, on the grain's single
/// thread of execution, so they see the grain in a consistent state.</para>
/// <para>A filter normally does <c>await context.Invoke()</c> and returns. What else it may do:</para>
/// <list type="bullet">
/// <item>Throw (before or after <see cref="IIncomingGrainCallContext.Invoke"/>): the exception
/// reaches the caller unchanged; the activation survives.</item>
/// <item>Not call <see cref="IIncomingGrainCallContext.Invoke"/>: the rest of the pipeline and the
/// grain method do not run; the caller gets <see cref="IIncomingGrainCallContext.Result"/>, which is
/// the default of the method's result type unless the filter set it.</item>
/// <item>Set <see cref="IIncomingGrainCallContext.Result"/> after <c>Invoke()</c>: the caller gets
/// the new value.</item>
/// <item>Call <see cref="IIncomingGrainCallContext.Invoke"/> twice: each call advances the
/// pipeline one stage, and once the grain method has been invoked any further call throws
/// <see cref="InvalidOperationException"/>, so the grain method runs at most once per call.</item>
/// </list>
/// <para>The context belongs to one call and is reused afterwards: do not keep it once the task
/// returned by <see cref="Invoke"/> has completed, and always await <c>Invoke()</c>.</para>
/// </remarks>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}
