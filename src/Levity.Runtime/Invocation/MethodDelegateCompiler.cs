using System.Linq.Expressions;
using System.Reflection;

namespace Levity.Runtime.Invocation;

/// <summary>
/// Compiles <c>(target, args) =&gt; ((TInterface)target).Method((T0)args[0], ...)</c> once per
/// interface method, so calls never go through reflection invoke.
/// </summary>
internal static class MethodDelegateCompiler
{
    public static Func<object, object?[], TReturn> Compile<TReturn>(MethodInfo interfaceMethod)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = interfaceMethod.GetParameters();
        var callArguments = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            callArguments[i] = Expression.Convert(
                Expression.ArrayIndex(arguments, Expression.Constant(i)),
                parameters[i].ParameterType);
        }

        Expression call = Expression.Call(
            Expression.Convert(target, interfaceMethod.DeclaringType!),
            interfaceMethod,
            callArguments);
        if (call.Type != typeof(TReturn))
        {
            call = Expression.Convert(call, typeof(TReturn));
        }

        return Expression.Lambda<Func<object, object?[], TReturn>>(call, target, arguments).Compile();
    }
}
