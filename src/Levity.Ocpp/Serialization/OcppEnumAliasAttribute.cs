namespace Levity.Ocpp.Serialization;

/// <summary>
/// Another spelling read as this enum member (never written), for misspellings the spec itself
/// made: <c>UnitOfMeasure.Celsius</c> also reads "Celcius".
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true)]
public sealed class OcppEnumAliasAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}
