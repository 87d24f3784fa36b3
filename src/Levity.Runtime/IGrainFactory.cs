namespace Levity.Runtime;

/// <summary>Creates grain references and observer references (Orleans <c>IGrainFactory</c>).</summary>
public interface IGrainFactory
{
    /// <summary>
    /// Returns a reference to the grain with the given key. The reference is cheap and needs no
    /// activation: the grain is activated by the first call made through any reference to it.
    /// </summary>
    /// <exception cref="ArgumentException">No grain class is registered for the interface.</exception>
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>
    /// Wraps a local object as an observer reference that grains can hold and call. Calls run
    /// directly on the object, outside any grain turn. Delete the reference when the object goes
    /// away; later calls through it fail with <see cref="ClientNotAvailableException"/>.
    /// </summary>
    TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver;

    /// <summary>Deletes a reference made by <see cref="CreateObjectReference{TGrainObserverInterface}"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not an observer reference.</exception>
    void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver;
}
