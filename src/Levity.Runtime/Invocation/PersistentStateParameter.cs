using System.Reflection;
using Levity.Runtime.Storage;

namespace Levity.Runtime.Invocation;

/// <summary>A grain constructor parameter marked <see cref="PersistentStateAttribute"/>.</summary>
internal sealed class PersistentStateParameter
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(PersistentStateParameter).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<string, GrainId, IGrainStorage, IGrainStateLoader> _create;

    private PersistentStateParameter(PersistentStateAttribute attribute, Type parameterType, Type stateType)
    {
        StateName = attribute.StateName;
        StorageName = attribute.StorageName;
        ParameterType = parameterType;
        StateType = stateType;
        _create = CreateStateMethod.MakeGenericMethod(stateType)
            .CreateDelegate<Func<string, GrainId, IGrainStorage, IGrainStateLoader>>();
    }

    public string StateName { get; }

    public string StorageName { get; }

    public Type ParameterType { get; }

    public Type StateType { get; }

    public static PersistentStateParameter Create(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new ArgumentException(
                $"Parameter {parameter.Name} of {parameter.Member.DeclaringType} is marked [PersistentState] but is not an IPersistentState<T>.");
        }

        return new PersistentStateParameter(
            parameter.GetCustomAttribute<PersistentStateAttribute>()!, type, type.GetGenericArguments()[0]);
    }

    public IGrainStateLoader Create(GrainId grainId, IGrainStorage storage) => _create(StateName, grainId, storage);

    private static PersistentState<TState> CreateState<TState>(string stateName, GrainId grainId, IGrainStorage storage) =>
        new PersistentState<TState>(stateName, grainId, storage);
}
