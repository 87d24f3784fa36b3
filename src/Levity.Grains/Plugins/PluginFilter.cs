using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;

namespace Levity.Grains.Plugins;

/// <summary>
/// The Before and On plugin hooks, as one silo-wide Orleans incoming grain-call filter: Before
/// hooks, the grain method (Levity's handler), then On hooks, inside the charger's turn. It keys
/// on the grain interface and the typed request only; calls that are not charger messages (the
/// server-initiated <see cref="IChargePointGrain.CallCharger"/>, state reads, ...) and actions
/// without hooks pass straight through. After hooks run in the gateway, once the answer is sent.
/// </summary>
internal sealed class PluginFilter(PluginRegistry registry, PluginRunner runner) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        var call = context.Request;
        if (call.GetArgumentCount() == 1
            && call.GetInterfaceType() == typeof(IChargePointGrain)
            && call.GetArgument(0) is IOcppRequest request
            && registry.TryGetHooks(request.GetType(), out var hooks)
            && hooks.HasTurnHooks
            && context.MethodName != nameof(IChargePointGrain.CallCharger))
        {
            return hooks.InvokeAsync(context, request, runner);
        }

        return context.Invoke();
    }
}
