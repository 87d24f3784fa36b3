namespace Levity.Storage;

/// <summary>One stored <c>meter_val</c> reading.</summary>
public sealed record MeterReading(DateTimeOffset? Timestamp, string Measurand, double Value, string Unit)
{
    /// <summary>The value in Wh when the unit is Wh or kWh (energy registers); otherwise null.</summary>
    public double? WattHours => Unit switch
    {
        "Wh" => Value,
        "kWh" => Value * 1000,
        _ => null,
    };
}
