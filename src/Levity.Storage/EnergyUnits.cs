namespace Levity.Storage;

/// <summary>Energy readings as stored: a value with the unit the charger sent.</summary>
public static class EnergyUnits
{
    /// <summary>A reading in Wh (kWh is scaled; Wh, or no unit, is the OCPP default).</summary>
    public static double ToWattHours(double value, string? unit) =>
        string.Equals(unit, "kWh", StringComparison.Ordinal) ? value * 1000 : value;
}
