namespace Levity.Ocpp.Serialization;

public static class OcppEnumExtensions
{
    /// <summary>The spec spelling of an OCPP enum value ("SuspendedEVSE", "Energy.Active.Import.Register"); cached, no allocation.</summary>
    public static string ToWireName<TEnum>(this TEnum value)
        where TEnum : struct, Enum => OcppEnumNames<TEnum>.GetName(value);
}
