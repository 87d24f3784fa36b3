using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;

namespace Levity.Grains.Plugins;

/// <summary>Before, On and After hooks of one action, typed, in registration order.</summary>
internal sealed class HookSet<TRequest, TResponse> : IHookSet
    where TRequest : IOcppRequest<TResponse>
    where TResponse : IOcppResponse
{
    private readonly List<(IChargePointPlugin Plugin, IBeforeHook<TRequest> Hook)> _before = [];
    private readonly List<(IChargePointPlugin Plugin, IOnHook<TRequest, TResponse> Hook)> _on = [];
    private readonly List<(IChargePointPlugin Plugin, IAfterHook<TRequest, TResponse> Hook)> _after = [];

    public bool HasTurnHooks => _before.Count > 0 || _on.Count > 0;

    public bool HasAfter => _after.Count > 0;

    public void Add(IChargePointPlugin plugin, Type hookDefinition)
    {
        if (hookDefinition == typeof(IBeforeHook<>))
        {
            _before.Add((plugin, (IBeforeHook<TRequest>)plugin));
        }
        else if (hookDefinition == typeof(IOnHook<,>))
        {
            _on.Add((plugin, (IOnHook<TRequest, TResponse>)plugin));
        }
        else
        {
            _after.Add((plugin, (IAfterHook<TRequest, TResponse>)plugin));
        }
    }

    /// <summary>Runs inside the charger's turn: Before hooks, the grain method, On hooks.</summary>
    public async Task InvokeAsync(IIncomingGrainCallContext call, IOcppRequest request, PluginRunner runner)
    {
        var typed = (TRequest)request;
        // The hooks read the grain through its interface, in this turn (GetState only reads).
        var grain = (IChargePointGrain)call.Grain;
        var id = grain.GetPrimaryKeyString();
        var reference = grain.AsReference<IChargePointGrain>();
        var raw = PluginRequestContext.RawFrame;

        if (_before.Count > 0)
        {
            var context = new PluginContext<TRequest>(id, reference, runner.Store, typed, raw, await grain.GetState(), HookPoint.Before);
            foreach (var (plugin, hook) in _before)
            {
                await runner.RunBoundedAsync(plugin, HookPoint.Before, id, ct => hook.BeforeAsync(context, ct));
            }
        }

        await call.Invoke();

        if (_on.Count > 0)
        {
            var context = new PluginContext<TRequest, TResponse>(id, reference, runner.Store, typed, raw, await grain.GetState(), HookPoint.On, (TResponse)call.Result!);
            foreach (var (plugin, hook) in _on)
            {
                await runner.RunBoundedAsync(plugin, HookPoint.On, id, ct => hook.OnAsync(context, ct));
            }

            // A hook that set null would make the answer invalid; keep the last valid one.
            if (context.Response is { } replaced)
            {
                call.Result = replaced;
            }
        }
    }

    /// <summary>Runs outside the turn, once the answer was written to the socket.</summary>
    public async Task RunAfterAsync(AnsweredCall answered, PluginRunner runner, CancellationToken cancellationToken)
    {
        var context = new PluginContext<TRequest, TResponse>(
            answered.ChargePointId, answered.Grain, runner.Store, (TRequest)answered.Request, answered.RawFrame, answered.State, HookPoint.After, (TResponse)answered.Response);
        foreach (var (plugin, hook) in _after)
        {
            await runner.RunAfterAsync(plugin, answered.ChargePointId, ct => hook.AfterAsync(context, ct), cancellationToken);
        }
    }
}
