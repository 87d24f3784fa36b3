using System.Reflection;
using Levity.Runtime.Hosting;

namespace Levity.Runtime.Invocation;

/// <summary>A registered grain interface: its grain class and one prepared invoker per method.</summary>
internal sealed class GrainInterfaceInfo
{
    private readonly MethodTable<GrainMethodInvoker> _invokers = new();
    private GrainReference? _prototype;

    public GrainInterfaceInfo(Type interfaceType, GrainClassInfo grainClass)
    {
        InterfaceType = interfaceType;
        GrainClass = grainClass;
        foreach (var method in InterfaceMethods.GetCallableMethods(interfaceType))
        {
            var map = grainClass.ClassType.GetInterfaceMap(method.DeclaringType!);
            var implementation = map.TargetMethods[Array.IndexOf(map.InterfaceMethods, method)];
            _invokers.Add(method, GrainMethodInvokerFactory.Create(method, implementation));
        }
    }

    public Type InterfaceType { get; }

    public GrainClassInfo GrainClass { get; }

    public GrainMethodInvoker GetInvoker(MethodInfo method) => _invokers.Get(method);

    public object CreateReference(Silo silo, string key)
    {
        // A benign race: two threads may each build a prototype; either works.
        _prototype ??= (GrainReference)DispatchProxy.Create(InterfaceType, typeof(GrainReference));
        return _prototype.CloneFor(silo, this, new GrainId(GrainClass.GrainType, key));
    }
}
