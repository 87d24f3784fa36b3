using System.Reflection;

namespace Levity.Runtime.Filters;

/// <summary>
/// One incoming grain call as seen by an <see cref="IIncomingGrainCallFilter"/> (Orleans
/// <c>IIncomingGrainCallContext</c>). Valid only while the call is in progress.
/// </summary>
public interface IIncomingGrainCallContext
{
    /// <summary>The grain instance being called.</summary>
    object Grain { get; }

    /// <summary>The activation being called.</summary>
    IGrainContext TargetContext { get; }

    /// <summary>Identity of the grain being called.</summary>
    GrainId TargetId { get; }

    /// <summary>The grain interface method that was called.</summary>
    MethodInfo InterfaceMethod { get; }

    /// <summary>The grain class method that implements <see cref="InterfaceMethod"/>.</summary>
    MethodInfo ImplementationMethod { get; }

    /// <summary>Name of the called method.</summary>
    string MethodName { get; }

    /// <summary>The call's arguments, in parameter order; filters may replace elements before <see cref="Invoke"/>.</summary>
    object?[] Arguments { get; }

    /// <summary>
    /// The result the caller will get: the grain method's result once <see cref="Invoke"/> has
    /// completed; settable to override it. Always <see langword="null"/> for methods without a
    /// result. Setting a value of the wrong type throws <see cref="InvalidCastException"/>.
    /// </summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the grain method after the last filter.</summary>
    /// <exception cref="InvalidOperationException">The grain method has already been invoked for this call.</exception>
    Task Invoke();
}
