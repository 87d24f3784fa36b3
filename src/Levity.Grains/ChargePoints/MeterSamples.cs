using System.Globalization;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Serialization;
using Levity.Storage;

namespace Levity.Grains.ChargePoints;

/// <summary>Turns OCPP meter values into stored samples.</summary>
internal static class MeterSamples
{
    /// <summary>
    /// One sample per numeric sampled value. The protocol layer already refused non-numeric
    /// values unless format is SignedData; those signed blobs are not readings and are skipped.
    /// </summary>
    public static List<MeterSample> From(IReadOnlyList<MeterValue>? meterValues)
    {
        var samples = new List<MeterSample>(meterValues?.Sum(m => m.SampledValue.Count) ?? 0);
        if (meterValues is null)
        {
            return samples;
        }

        foreach (var meterValue in meterValues)
        {
            foreach (var sampled in meterValue.SampledValue)
            {
                if (!double.TryParse(sampled.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    continue;
                }

                samples.Add(new MeterSample(
                    meterValue.Timestamp,
                    value,
                    sampled.Measurand?.ToWireName(),
                    sampled.Unit?.ToWireName(),
                    sampled.Context?.ToWireName(),
                    sampled.Location?.ToWireName(),
                    sampled.Phase?.ToWireName(),
                    sampled.Format?.ToWireName()));
            }
        }

        return samples;
    }

    /// <summary>The newest whole-meter energy register reading (Wh) among the samples, if any.</summary>
    public static (double Wh, DateTimeOffset At)? LastEnergy(List<MeterSample> samples)
    {
        (double, DateTimeOffset)? last = null;
        foreach (var s in samples)
        {
            if ((s.Measurand ?? MeterSample.EnergyRegister) == MeterSample.EnergyRegister && s.Phase is null
                && (last is null || s.Timestamp >= last.Value.Item2))
            {
                last = (ToWattHours(s.Value, s.Unit), s.Timestamp);
            }
        }

        return last;
    }

    /// <summary>
    /// A current measurand in amperes: the whole-connector value when sent, else the sum of the
    /// latest value per phase; null when the samples carry none.
    /// </summary>
    public static double? Amperes(List<MeterSample> samples, string measurand)
    {
        double? total = null;
        Dictionary<string, double>? phases = null;
        foreach (var s in samples)
        {
            if (s.Measurand != measurand)
            {
                continue;
            }

            if (s.Phase is null)
            {
                total = s.Value;
            }
            else
            {
                phases ??= new Dictionary<string, double>(StringComparer.Ordinal);
                phases[s.Phase] = s.Value;
            }
        }

        return total ?? phases?.Values.Sum();
    }

    public static double ToWattHours(double value, string? unit) => EnergyUnits.ToWattHours(value, unit);
}
