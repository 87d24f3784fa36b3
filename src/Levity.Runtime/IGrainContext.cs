namespace Levity.Runtime;

/// <summary>The activation that hosts a grain instance (Orleans <c>IGrainContext</c>).</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    /// <summary>The grain instance, once constructed.</summary>
    object? GrainInstance { get; }

    /// <summary>Services of this activation's own DI scope (disposed on deactivation).</summary>
    IServiceProvider ActivationServices { get; }

    /// <summary>Completes when this activation has been deactivated.</summary>
    Task Deactivated { get; }

    /// <summary>
    /// Asks for this activation to be deactivated once the running calls have completed; calls
    /// queued meanwhile go to a new activation.
    /// </summary>
    void Deactivate(DeactivationReason reason);
}
