using Levity.Grains.ChargePoints;
using Levity.Ocpp.Messages;
using Levity.Runtime.Filters;

namespace Levity.Grains.Plugins;

/// <summary>
/// The plugin hooks, as one silo-wide incoming grain-call filter on ChargePointGrain: Before
/// hooks, the grain method (Levity's handler), On hooks, then After hooks once the answer is
/// sent. Calls that are not charger messages pass straight through.
/// </summary>
internal sealed class PluginFilter(PluginRegistry registry, PluginRunner runner) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is ChargePointGrain
            && context.Arguments is [IOcppRequest request]
            && context.InterfaceMethod.Name != nameof(ChargePointGrain.CallCharger)
            && registry.TryGetHooks(request.GetType(), out var hooks))
        {
            return hooks.InvokeAsync(context, runner);
        }

        return context.Invoke();
    }
}
