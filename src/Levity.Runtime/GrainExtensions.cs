using Levity.Runtime.Invocation;

namespace Levity.Runtime;

/// <summary>Identity helpers for grains and grain references (Orleans <c>GrainExtensions</c>).</summary>
public static class GrainExtensions
{
    /// <summary>The string key of a grain or grain reference.</summary>
    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    /// <summary>The grain id of a grain or grain reference.</summary>
    /// <exception cref="ArgumentException"><paramref name="grain"/> is neither.</exception>
    public static GrainId GetGrainId(this IAddressable grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain switch
        {
            Grain g => g.GrainId,
            GrainReference reference => reference.GrainId,
            _ => throw new ArgumentException($"{grain.GetType()} is neither a grain nor a grain reference.", nameof(grain)),
        };
    }

    /// <summary>
    /// A reference to this grain through <typeparamref name="TGrainInterface"/>: calls through it
    /// are queued as normal turns (use it from background work or timers to re-enter the grain).
    /// </summary>
    public static TGrainInterface AsReference<TGrainInterface>(this Grain grain)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grain);
        var grainId = grain.GrainId;
        var silo = grain.Activation.Silo;
        var grainInterface = silo.Registry.GetInterface(typeof(TGrainInterface));
        if (grainInterface.GrainClass.GrainType != grainId.Type)
        {
            throw new ArgumentException($"{typeof(TGrainInterface)} belongs to grain type \"{grainInterface.GrainClass.GrainType}\", not to {grainId}.", nameof(grain));
        }

        return (TGrainInterface)grainInterface.CreateReference(silo, grainId.Key);
    }
}
