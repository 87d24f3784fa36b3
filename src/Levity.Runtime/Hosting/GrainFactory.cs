using Levity.Runtime.Observers;

namespace Levity.Runtime.Hosting;

internal sealed class GrainFactory(Silo silo) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        return (TGrainInterface)silo.Registry.GetInterface(typeof(TGrainInterface)).CreateReference(silo, primaryKey);
    }

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver =>
        silo.Observers.Create<TGrainObserverInterface>(obj);

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver =>
        ObserverRegistry.Delete(obj);
}
