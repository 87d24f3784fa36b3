using System.Collections.Frozen;
using Levity.Ocpp.Messages;

namespace Levity.Grains.Plugins;

/// <summary>
/// The registered plugins and, per request type, the hooks they declared (found once at start
/// from the hook interfaces each plugin implements, in plugin registration order).
/// </summary>
public sealed class PluginRegistry
{
    private readonly FrozenDictionary<Type, IHookSet> _byRequest;

    public PluginRegistry(IEnumerable<IChargePointPlugin> plugins)
    {
        Plugins = [.. plugins];
        var sets = new Dictionary<Type, IHookSet>();
        foreach (var plugin in Plugins)
        {
            foreach (var contract in plugin.GetType().GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition != typeof(IBeforeHook<>) && definition != typeof(IOnHook<,>) && definition != typeof(IAfterHook<,>))
                {
                    continue;
                }

                var requestType = contract.GetGenericArguments()[0];
                if (!sets.TryGetValue(requestType, out var set))
                {
                    set = (IHookSet)Activator.CreateInstance(typeof(HookSet<,>).MakeGenericType(requestType, ResponseTypeOf(requestType)))!;
                    sets[requestType] = set;
                }

                set.Add(plugin, definition);
            }
        }

        _byRequest = sets.ToFrozenDictionary();
    }

    public IReadOnlyList<IChargePointPlugin> Plugins { get; }

    internal bool TryGetHooks(Type requestType, out IHookSet hooks) => _byRequest.TryGetValue(requestType, out hooks!);

    /// <summary>Whether a Before or On hook of this request type may read the raw frame (the gateway passes it only then).</summary>
    public bool HasTurnHooks(Type requestType) => _byRequest.TryGetValue(requestType, out var hooks) && hooks.HasTurnHooks;

    /// <summary>Whether any plugin runs after the answer to this request type was sent.</summary>
    public bool HasAfterHooks(Type requestType) => _byRequest.TryGetValue(requestType, out var hooks) && hooks.HasAfter;

    /// <summary>Runs the After hooks of <paramref name="answered"/>'s request type, if any.</summary>
    public Task RunAfterHooksAsync(AnsweredCall answered, PluginRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answered);
        return _byRequest.TryGetValue(answered.Request.GetType(), out var hooks) && hooks.HasAfter
            ? hooks.RunAfterAsync(answered, runner, cancellationToken)
            : Task.CompletedTask;
    }

    private static Type ResponseTypeOf(Type requestType) =>
        requestType.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOcppRequest<>)).GetGenericArguments()[0];
}
