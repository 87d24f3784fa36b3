using System.Reflection;

namespace Levity.Runtime.Invocation;

/// <summary>Checks and lists the methods of grain and observer interfaces.</summary>
internal static class InterfaceMethods
{
    /// <summary>
    /// All methods of <paramref name="interfaceType"/> and the interfaces it extends, after checking
    /// each is callable by the runtime.
    /// </summary>
    /// <exception cref="ArgumentException">The interface has a member the runtime cannot call.</exception>
    public static IReadOnlyList<MethodInfo> GetCallableMethods(Type interfaceType)
    {
        if (!interfaceType.IsInterface)
        {
            throw new ArgumentException($"{interfaceType} is not an interface.", nameof(interfaceType));
        }

        var methods = new List<MethodInfo>();
        foreach (var type in interfaceType.GetInterfaces().Prepend(interfaceType))
        {
            if (type.GetProperties().Length > 0 || type.GetEvents().Length > 0)
            {
                throw new ArgumentException($"{type} declares properties or events; grain and observer interfaces may only declare methods.", nameof(interfaceType));
            }

            foreach (var method in type.GetMethods())
            {
                Check(method);
                methods.Add(method);
            }
        }

        return methods;
    }

    private static void Check(MethodInfo method)
    {
        var name = $"{method.DeclaringType}.{method.Name}";
        if (method.IsGenericMethodDefinition)
        {
            throw new ArgumentException($"{name} is generic; generic grain methods are not supported.");
        }

        if (!IsTaskShape(method.ReturnType))
        {
            throw new ArgumentException($"{name} returns {method.ReturnType}; grain and observer methods must return Task, Task<T>, ValueTask or ValueTask<T>.");
        }

        if (method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new ArgumentException($"{name} has a ref, out or in parameter; these are not supported.");
        }
    }

    private static bool IsTaskShape(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)));
}
