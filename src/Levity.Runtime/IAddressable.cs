namespace Levity.Runtime;

/// <summary>
/// Marker for anything that has a grain identity: grain classes, grain references and observer
/// references (Orleans <c>IAddressable</c>).
/// </summary>
#pragma warning disable CA1040 // Marker interface on purpose: it mirrors Orleans.
public interface IAddressable
#pragma warning restore CA1040
{
}
