using System.Reflection;
using Levity.Runtime.Activation;
using Levity.Runtime.Hosting;

namespace Levity.Runtime.Invocation;

/// <summary>
/// Base of the generated proxies that implement grain interfaces. A reference is a grain id plus
/// a pointer to the interface's prepared invokers; it remembers the activation it last reached so
/// later calls skip the directory lookup.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy generates a subclass at run time.
internal class GrainReference : DispatchProxy, IAddressable
#pragma warning restore CA1852
{
    public Silo Silo { get; private set; } = null!;

    public GrainInterfaceInfo Interface { get; private set; } = null!;

    public GrainId GrainId { get; private set; }

    /// <summary>Last activation reached; stale values are detected and replaced.</summary>
    public GrainActivation? CachedActivation { get; set; }

    /// <summary>A copy of this prototype proxy for one grain (cloning avoids DispatchProxy.Create per reference).</summary>
    public GrainReference CloneFor(Silo silo, GrainInterfaceInfo grainInterface, GrainId grainId)
    {
        var reference = (GrainReference)MemberwiseClone();
        reference.Silo = silo;
        reference.Interface = grainInterface;
        reference.GrainId = grainId;
        reference.CachedActivation = null;
        return reference;
    }

    public override bool Equals(object? obj) => obj is GrainReference other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"GrainReference:{GrainId}";

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return Interface.GetInvoker(targetMethod).Invoke(this, args ?? []);
    }
}
