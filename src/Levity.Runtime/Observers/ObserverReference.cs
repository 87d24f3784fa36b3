using System.Reflection;
using Levity.Runtime.Activation;

namespace Levity.Runtime.Observers;

/// <summary>
/// Base of the generated proxies made by <see cref="IGrainFactory.CreateObjectReference{TGrainObserverInterface}"/>.
/// Calls run directly on the target, outside any grain's context (so the target's awaits do not
/// resume on the calling grain); after deletion they fail with <see cref="ClientNotAvailableException"/>.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy generates a subclass at run time.
internal class ObserverReference : DispatchProxy, IAddressable
#pragma warning restore CA1852
{
    private ObserverInterfaceInfo _interface = null!;
    private object? _target;

    public bool IsDeleted => Volatile.Read(ref _target) is null;

    public ObserverReference CloneFor(ObserverInterfaceInfo observerInterface, object target)
    {
        var reference = (ObserverReference)MemberwiseClone();
        reference._interface = observerInterface;
        reference._target = target;
        return reference;
    }

    public void Delete() => Volatile.Write(ref _target, null);

    public override string ToString() => $"ObserverReference:{_interface.InterfaceType.Name}";

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var method = _interface.GetMethod(targetMethod);
        var target = Volatile.Read(ref _target);
        if (target is null)
        {
            return method.Fail(new ClientNotAvailableException(
                $"The {_interface.InterfaceType.Name} observer was deleted; drop this reference."));
        }

        var previousSynchronizationContext = SynchronizationContext.Current;
        var previousActivation = RuntimeContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        RuntimeContext.Current = null;
        try
        {
            return method.Invoke(target, args ?? []);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previousSynchronizationContext);
            RuntimeContext.Current = previousActivation;
        }
    }
}
