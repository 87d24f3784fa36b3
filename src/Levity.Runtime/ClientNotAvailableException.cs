namespace Levity.Runtime;

/// <summary>
/// A call through an observer reference failed because the reference was deleted
/// (<see cref="IGrainFactory.DeleteObjectReference{TGrainObserverInterface}"/>): the object behind
/// it is gone. Grains should drop such observers (<see cref="Observers.ObserverManager{TObserver}"/>
/// does).
/// </summary>
public sealed class ClientNotAvailableException : Exception
{
    public ClientNotAvailableException()
        : this("The observer is no longer available.")
    {
    }

    public ClientNotAvailableException(string message)
        : base(message)
    {
    }

    public ClientNotAvailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
