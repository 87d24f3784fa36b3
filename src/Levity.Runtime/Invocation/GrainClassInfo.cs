using System.Reflection;
using Levity.Runtime.Concurrency;
using Levity.Runtime.Filters;
using Levity.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Runtime.Invocation;

/// <summary>
/// A grain class, prepared once: its grain type name, concurrency attributes and its constructor,
/// which takes services from DI and <see cref="PersistentStateAttribute"/> parameters from the
/// runtime.
/// </summary>
/// <remarks>
/// The constructor is called through reflection, not an <see cref="ActivatorUtilities.CreateFactory"/>
/// delegate: that compiles an expression tree, and System.Linq.Expressions with its JIT-compiled
/// code was measured at about 3 MB of the idle server's RSS, for something that runs once per activation.
/// </remarks>
internal sealed class GrainClassInfo
{
    private readonly ConstructorInfo _constructor;
    private readonly ParameterInfo[] _parameters;
    private readonly PersistentStateParameter?[] _stateByParameter;
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
        _constructor = SelectConstructor(classType);
        _parameters = _constructor.GetParameters();
        _stateByParameter = [.. _parameters.Select(p => p.IsDefined(typeof(PersistentStateAttribute)) ? PersistentStateParameter.Create(p) : null)];
        _stateParameters = [.. _stateByParameter.OfType<PersistentStateParameter>()];
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
        var arguments = new object?[_parameters.Length];
        var stateIndex = 0;
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_stateByParameter[i] is { } state)
            {
                var storage = services.GetKeyedService<IGrainStorage>(state.StorageName)
                    ?? throw new InvalidOperationException(
                        $"{ClassType.Name} needs grain storage \"{state.StorageName}\" for state \"{state.StateName}\", but none is registered; register it with silo.AddSqliteGrainStorage(\"{state.StorageName}\", ...).");
                states[stateIndex] = state.Create(grainId, storage);
                arguments[i] = states[stateIndex++];
            }
            else
            {
                arguments[i] = Resolve(services, _parameters[i]);
            }
        }

        try
        {
            return (Grain)_constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // The grain's own exception, as a direct call would have thrown it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private object? Resolve(IServiceProvider services, ParameterInfo parameter)
    {
        var service = parameter.GetCustomAttribute<FromKeyedServicesAttribute>() is { } keyed
            ? services.GetKeyedService(parameter.ParameterType, keyed.Key)
            : services.GetService(parameter.ParameterType);
        return service
            ?? (parameter.HasDefaultValue ? parameter.DefaultValue
                : throw new InvalidOperationException(
                    $"Unable to resolve service for type '{parameter.ParameterType}' while attempting to activate '{ClassType}'."));
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
