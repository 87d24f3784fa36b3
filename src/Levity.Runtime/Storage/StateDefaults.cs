using System.Linq.Expressions;

namespace Levity.Runtime.Storage;

/// <summary>
/// The value a state starts from: a new instance when the type has a public parameterless
/// constructor, otherwise the type's default.
/// </summary>
internal static class StateDefaults
{
    public static T Create<T>() => Factory<T>.Create();

    private static class Factory<T>
    {
        public static readonly Func<T> Create = Build();

        private static Func<T> Build()
        {
            if (typeof(T).IsValueType || typeof(T).GetConstructor(Type.EmptyTypes) is not null)
            {
                return Expression.Lambda<Func<T>>(Expression.New(typeof(T))).Compile();
            }

            return static () => default!;
        }
    }
}
