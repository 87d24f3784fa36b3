using Levity.Ocpp.Messages;

namespace Levity.Grains.Plugins;

/// <summary>The hooks of one request type: Before and On run around the grain method, After once the answer was sent.</summary>
internal interface IHookSet
{
    /// <summary>Whether a Before or On hook exists (the grain-call filter runs them inside the turn).</summary>
    bool HasTurnHooks { get; }

    bool HasAfter { get; }

    void Add(IChargePointPlugin plugin, Type hookDefinition);

    Task InvokeAsync(IIncomingGrainCallContext call, IOcppRequest request, PluginRunner runner);

    Task RunAfterAsync(AnsweredCall answered, PluginRunner runner, CancellationToken cancellationToken);
}
