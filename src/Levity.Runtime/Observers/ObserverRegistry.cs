using System.Collections.Concurrent;

namespace Levity.Runtime.Observers;

/// <summary>Makes and deletes observer references; observer interfaces are prepared once each.</summary>
internal sealed class ObserverRegistry
{
    private readonly ConcurrentDictionary<Type, ObserverInterfaceInfo> _interfaces = new();

    public TGrainObserverInterface Create<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj is not TGrainObserverInterface)
        {
            throw new ArgumentException($"{obj.GetType()} does not implement {typeof(TGrainObserverInterface)}.", nameof(obj));
        }

        if (obj is ObserverReference)
        {
            throw new ArgumentException("The object is already an observer reference.", nameof(obj));
        }

        var info = _interfaces.GetOrAdd(typeof(TGrainObserverInterface), static type => new ObserverInterfaceInfo(type));
        return (TGrainObserverInterface)(object)info.CreateReference(obj);
    }

    public static void Delete(IGrainObserver reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference is not ObserverReference observerReference)
        {
            throw new ArgumentException("The object is not a reference made by CreateObjectReference.", nameof(reference));
        }

        observerReference.Delete();
    }
}
