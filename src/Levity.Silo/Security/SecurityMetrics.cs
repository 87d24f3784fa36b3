using System.Diagnostics.Metrics;

namespace Levity.Silo.Security;

/// <summary><c>levity_charger_auth_failures_total{reason}</c> on the "Levity.Security" meter.</summary>
public sealed class SecurityMetrics
{
    public const string MeterName = "Levity.Security";
    public const string AuthFailuresName = "levity_charger_auth_failures_total";

    private readonly Counter<long> _failures;

    public SecurityMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _failures = meter.CreateCounter<long>(AuthFailuresName, description: "Charger handshakes refused, by reason.");
    }

    public void Failed(AuthenticationFailure reason) =>
        _failures.Add(1, new KeyValuePair<string, object?>("reason", reason.Label()));
}
