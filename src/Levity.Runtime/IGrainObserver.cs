namespace Levity.Runtime;

/// <summary>
/// Marker for observer interfaces: objects outside the grain world (a WebSocket session) that
/// grains call, handed to grains as references made by
/// <see cref="IGrainFactory.CreateObjectReference{TGrainObserverInterface}(IGrainObserver)"/>.
/// </summary>
#pragma warning disable CA1040 // Marker interface on purpose: it mirrors Orleans.
public interface IGrainObserver : IAddressable
#pragma warning restore CA1040
{
}
