namespace Levity.Runtime;

/// <summary>
/// Pins the grain type name of a grain class. The name is part of every <see cref="GrainId"/> and
/// of the stored state's key, so pin it before renaming a class. Without it the name is the class
/// name without a trailing "Grain", lower-cased (<c>ChargePointGrain</c> is <c>chargepoint</c>),
/// as in Orleans.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    public string GrainType { get; } = grainType;
}
