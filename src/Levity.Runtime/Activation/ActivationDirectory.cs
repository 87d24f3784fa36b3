using System.Collections.Concurrent;
using Levity.Runtime.Hosting;
using Levity.Runtime.Invocation;

namespace Levity.Runtime.Activation;

/// <summary>The live activations, at most one per grain id.</summary>
internal sealed class ActivationDirectory(Silo silo)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();

    public int Count => _activations.Count;

    public GrainActivation? Find(GrainId grainId) => _activations.GetValueOrDefault(grainId);

    /// <summary>
    /// The activation of <paramref name="grainId"/>, created if there is none. Racing callers may
    /// each construct one, but only one is stored and used; constructing does nothing else.
    /// </summary>
    public GrainActivation GetOrCreate(GrainId grainId, GrainClassInfo grainClass) =>
        _activations.GetOrAdd(
            grainId,
            static (id, state) => new GrainActivation(state.silo, id, state.grainClass),
            (silo, grainClass));

    public void Remove(GrainActivation activation) =>
        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));

    public GrainActivation[] Snapshot() => [.. _activations.Values];

    public IEnumerable<GrainActivation> Activations => _activations.Select(pair => pair.Value);
}
