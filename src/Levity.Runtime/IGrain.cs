namespace Levity.Runtime;

/// <summary>Marker for grain interfaces (Orleans <c>IGrain</c>).</summary>
#pragma warning disable CA1040 // Marker interface on purpose: it mirrors Orleans.
public interface IGrain : IAddressable
#pragma warning restore CA1040
{
}
