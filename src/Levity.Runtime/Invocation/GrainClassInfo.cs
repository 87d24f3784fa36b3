using System.Reflection;
using Levity.Runtime.Concurrency;
using Levity.Runtime.Filters;
using Levity.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Runtime.Invocation;

/// <summary>
/// A grain class, prepared once: its grain type name, concurrency attributes and a compiled
/// constructor that takes services from DI and <see cref="PersistentStateAttribute"/> parameters
/// from the runtime.
/// </summary>
internal sealed class GrainClassInfo
{
    private readonly ObjectFactory _factory;
    private readonly PersistentStateParameter[] _stateParameters;

    /// <exception cref="ArgumentException">The class cannot be a grain.</exception>
    public GrainClassInfo(Type classType)
    {
        if (!typeof(Grain).IsAssignableFrom(classType) || classType.IsAbstract || classType.ContainsGenericParameters)
        {
            throw new ArgumentException($"{classType} must be a concrete, non-generic class derived from {typeof(Grain)}.", nameof(classType));
        }

        ClassType = classType;
        GrainType = classType.GetCustomAttribute<GrainTypeAttribute>()?.GrainType ?? DefaultGrainType(classType);
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: false);
        IsCallFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(classType);
        var parameters = SelectConstructor(classType).GetParameters();
        _stateParameters = [.. parameters.Where(p => p.IsDefined(typeof(PersistentStateAttribute))).Select(PersistentStateParameter.Create)];
        _factory = ActivatorUtilities.CreateFactory(classType, [.. _stateParameters.Select(p => p.ParameterType)]);
    }

    public Type ClassType { get; }

    public string GrainType { get; }

    public bool IsReentrant { get; }

    public bool IsCallFilter { get; }

    public IEnumerable<Type> StateTypes => _stateParameters.Select(p => p.StateType);

    /// <summary>Constructs the grain; <paramref name="states"/> are the injected states, still to be read.</summary>
    public Grain CreateInstance(GrainId grainId, IServiceProvider services, out IGrainStateLoader[] states)
    {
        states = new IGrainStateLoader[_stateParameters.Length];
        var arguments = new object[_stateParameters.Length];
        for (var i = 0; i < _stateParameters.Length; i++)
        {
            var parameter = _stateParameters[i];
            var storage = services.GetKeyedService<IGrainStorage>(parameter.StorageName)
                ?? throw new InvalidOperationException(
                    $"{ClassType.Name} needs grain storage \"{parameter.StorageName}\" for state \"{parameter.StateName}\", but none is registered; register it with silo.AddSqliteGrainStorage(\"{parameter.StorageName}\", ...).");
            states[i] = parameter.Create(grainId, storage);
            arguments[i] = states[i];
        }

        return (Grain)_factory(services, arguments);
    }

    private static string DefaultGrainType(Type classType)
    {
        var name = classType.Name;
        if (name.Length > "Grain".Length && name.EndsWith("Grain", StringComparison.Ordinal))
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }

    private static ConstructorInfo SelectConstructor(Type classType)
    {
        var constructors = classType.GetConstructors();
        var marked = constructors.Where(c => c.IsDefined(typeof(ActivatorUtilitiesConstructorAttribute))).ToArray();
        return marked.Length == 1 ? marked[0]
            : constructors.Length == 1 ? constructors[0]
            : throw new ArgumentException(
                $"{classType} must have exactly one public constructor, or mark one with [ActivatorUtilitiesConstructor].", nameof(classType));
    }
}
