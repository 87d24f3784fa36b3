using Levity.Grains.ChargePoints;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;
using Levity.Runtime;
using Levity.Runtime.Filters;

namespace Levity.Grains.Plugins;

/// <summary>Before, On and After hooks of one action, typed, in registration order.</summary>
internal sealed class HookSet<TRequest, TResponse> : IHookSet
    where TRequest : IOcppRequest<TResponse>
    where TResponse : IOcppResponse
{
    private readonly List<(IChargePointPlugin Plugin, IBeforeHook<TRequest> Hook)> _before = [];
    private readonly List<(IChargePointPlugin Plugin, IOnHook<TRequest, TResponse> Hook)> _on = [];
    private readonly List<(IChargePointPlugin Plugin, IAfterHook<TRequest, TResponse> Hook)> _after = [];

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

    public async Task InvokeAsync(IIncomingGrainCallContext call, PluginRunner runner)
    {
        var grain = (ChargePointGrain)call.Grain;
        var request = (TRequest)call.Arguments[0]!;
        var id = grain.ChargePointId;
        var reference = grain.AsReference<IChargePointGrain>();
        var raw = OcppRequestContext.Current?.RawFrame ?? default;

        if (_before.Count > 0)
        {
            var context = new PluginContext<TRequest>(id, reference, runner.Store, request, raw, grain.Snapshot(), HookPoint.Before) { Grain = grain };
            foreach (var (plugin, hook) in _before)
            {
                await runner.RunBoundedAsync(plugin, HookPoint.Before, id, ct => hook.BeforeAsync(context, ct));
            }
        }

        await call.Invoke();
        var response = (TResponse)call.Result!;

        if (_on.Count > 0)
        {
            var context = new PluginContext<TRequest, TResponse>(id, reference, runner.Store, request, raw, grain.Snapshot(), HookPoint.On, response) { Grain = grain };
            foreach (var (plugin, hook) in _on)
            {
                await runner.RunBoundedAsync(plugin, HookPoint.On, id, ct => hook.OnAsync(context, ct));
            }

            // A hook that set null would make the answer invalid; keep the last valid one.
            if (context.Response is { } replaced)
            {
                response = replaced;
                call.Result = replaced;
            }
        }

        if (_after.Count > 0)
        {
            // The pooled frame buffer is gone once the answer is sent; After hooks get a copy.
            var context = new PluginContext<TRequest, TResponse>(id, reference, runner.Store, request, raw.ToArray(), grain.Snapshot(), HookPoint.After, response);
            var sent = OcppRequestContext.Current?.ResponseSent;
            grain.StartOutsideTurn(ct => RunAfterAsync(context, sent, runner, ct));
        }
    }

    private async Task RunAfterAsync(PluginContext<TRequest, TResponse> context, Task? responseSent, PluginRunner runner, CancellationToken cancellationToken)
    {
        if (responseSent is not null)
        {
            await runner.WaitForSendAsync(responseSent, cancellationToken);
        }

        foreach (var (plugin, hook) in _after)
        {
            await runner.RunAfterAsync(plugin, context.ChargePointId, ct => hook.AfterAsync(context, ct), cancellationToken);
        }
    }
}
