using Levity.Runtime.Filters;

namespace Levity.Grains.Plugins;

/// <summary>The hooks of one request type, run around the grain method by <see cref="PluginFilter"/>.</summary>
internal interface IHookSet
{
    bool HasAfter { get; }

    void Add(IChargePointPlugin plugin, Type hookDefinition);

    Task InvokeAsync(IIncomingGrainCallContext call, PluginRunner runner);
}
