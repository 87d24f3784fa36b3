using System.Diagnostics.Metrics;

namespace Levity.Silo.Metrics;

/// <summary>
/// <c>ocpp_central_up</c> on the "Levity.Server" meter: 1 from the moment the server has started
/// until it begins to stop, 0 otherwise (the Python version's liveness gauge).
/// </summary>
internal sealed class CentralSystemMetrics
{
    public const string MeterName = "Levity.Server";
    public const string UpGaugeName = "ocpp_central_up";

    public CentralSystemMetrics(IMeterFactory meterFactory, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(lifetime);
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge(
            UpGaugeName,
            () => lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested ? 1 : 0,
            description: "1 while the central system is running.");
    }
}
