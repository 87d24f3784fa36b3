using System.Reflection;
using Levity.Runtime.Invocation;

namespace Levity.Runtime.Observers;

/// <summary>An observer interface, prepared on first use.</summary>
internal sealed class ObserverInterfaceInfo
{
    private readonly MethodTable<ObserverMethod> _methods = new();
    private readonly ObserverReference _prototype;

    public ObserverInterfaceInfo(Type interfaceType)
    {
        InterfaceType = interfaceType;
        foreach (var method in InterfaceMethods.GetCallableMethods(interfaceType))
        {
            _methods.Add(method, new ObserverMethod(method));
        }

        _prototype = (ObserverReference)DispatchProxy.Create(interfaceType, typeof(ObserverReference));
    }

    public Type InterfaceType { get; }

    public ObserverMethod GetMethod(MethodInfo method) => _methods.Get(method);

    public ObserverReference CreateReference(object target) => _prototype.CloneFor(this, target);
}
