namespace Levity.Runtime;

/// <summary>Why an activation is deactivated (a subset of Orleans' codes).</summary>
public enum DeactivationReasonCode
{
    None = 0,

    /// <summary>The silo is stopping.</summary>
    ShuttingDown,

    /// <summary>The grain asked for it (<see cref="Grain.DeactivateOnIdle"/>).</summary>
    ApplicationRequested,

    /// <summary>The activation was idle for longer than the collection age.</summary>
    ActivationIdle,
}
