using System.Reflection;

namespace Levity.Runtime.Invocation;

/// <summary>
/// Maps the <see cref="MethodInfo"/> a proxy receives to what was prepared for it. DispatchProxy
/// passes the same instances on every call, so a reference-equality lookup hits; equality is the
/// fallback.
/// </summary>
internal sealed class MethodTable<TValue>
    where TValue : class
{
    private readonly Dictionary<MethodInfo, TValue> _byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<MethodInfo, TValue> _byEquality = [];

    public void Add(MethodInfo method, TValue value)
    {
        _byReference[method] = value;
        _byEquality[method] = value;
    }

    public TValue Get(MethodInfo method) =>
        _byReference.TryGetValue(method, out var value) || _byEquality.TryGetValue(method, out value)
            ? value
            : throw new ArgumentException($"{method.DeclaringType}.{method.Name} is not a method of this interface.", nameof(method));
}
