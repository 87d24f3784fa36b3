using System.Diagnostics.Metrics;
using Levity.Ocpp.Validation;

namespace Levity.Ocpp.Diagnostics;

/// <summary>
/// Protocol metrics on the "Levity.Ocpp" meter: <c>levity_ocpp_tolerances_total{tolerance}</c>
/// counts messages that needed each tolerance (one per message per tolerance, not per field).
/// </summary>
public sealed class OcppMetrics
{
    public const string MeterName = "Levity.Ocpp";
    public const string TolerancesCounterName = "levity_ocpp_tolerances_total";
    public const string ToleranceTag = "tolerance";

    private static readonly OcppTolerance[] Flags = [.. Enum.GetValues<OcppTolerance>().Where(t => t != OcppTolerance.None)];
    private static readonly KeyValuePair<string, object?>[] Tags = [.. Flags.Select(t => new KeyValuePair<string, object?>(ToleranceTag, t.ToString()))];

    private readonly Counter<long> _tolerances;

    public OcppMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _tolerances = meter.CreateCounter<long>(TolerancesCounterName, unit: "{message}",
            description: "Messages accepted only thanks to a tolerance of tolerant validation mode.");
    }

    public void RecordTolerances(OcppTolerance tolerances)
    {
        if (tolerances == OcppTolerance.None || !_tolerances.Enabled)
        {
            return;
        }

        for (var i = 0; i < Flags.Length; i++)
        {
            if ((tolerances & Flags[i]) != 0)
            {
                _tolerances.Add(1, Tags[i]);
            }
        }
    }
}
