namespace Levity.Runtime.Invocation;

/// <summary>Every registered grain interface and class, built once when the silo is created.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainInterfaceInfo> _interfaces = [];
    private readonly Dictionary<Type, GrainClassInfo> _classes = [];

    public GrainTypeRegistry(IEnumerable<GrainRegistration> registrations)
    {
        var classesByGrainType = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            var grainClass = registration.GrainClass;
            if (!_classes.TryGetValue(grainClass.ClassType, out var known))
            {
                if (classesByGrainType.TryGetValue(grainClass.GrainType, out var clash))
                {
                    throw new InvalidOperationException(
                        $"{grainClass.ClassType} and {clash} both have grain type \"{grainClass.GrainType}\"; give one a different [GrainType].");
                }

                classesByGrainType.Add(grainClass.GrainType, grainClass.ClassType);
                _classes.Add(grainClass.ClassType, grainClass);
                known = grainClass;
            }

            if (_interfaces.TryGetValue(registration.Interface, out var existing))
            {
                if (existing.GrainClass != known)
                {
                    throw new InvalidOperationException(
                        $"{registration.Interface} is registered for both {existing.GrainClass.ClassType} and {known.ClassType}.");
                }

                continue;
            }

            _interfaces.Add(registration.Interface, new GrainInterfaceInfo(registration.Interface, known));
        }
    }

    public IEnumerable<GrainClassInfo> Classes => _classes.Values;

    public GrainInterfaceInfo GetInterface(Type interfaceType) =>
        _interfaces.TryGetValue(interfaceType, out var info)
            ? info
            : throw new ArgumentException(
                $"No grain class is registered for {interfaceType}; register one with silo.AddGrain<{interfaceType.Name}, TGrain>().",
                nameof(interfaceType));
}
