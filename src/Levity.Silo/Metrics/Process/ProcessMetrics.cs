using System.Diagnostics.Metrics;

namespace Levity.Silo.Metrics.Process;

/// <summary>
/// The standard Prometheus process metrics (the names client_python exports), as observable
/// instruments on the "Levity.Process" meter, read only when scraped.
/// </summary>
internal sealed class ProcessMetrics
{
    public const string MeterName = "Levity.Process";

    public ProcessMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        double startTime;
        using (var self = System.Diagnostics.Process.GetCurrentProcess())
        {
            startTime = (self.StartTime.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds;
        }

        meter.CreateObservableCounter("process_cpu_seconds_total", () => Environment.CpuUsage.TotalTime.TotalSeconds,
            description: "Total user and system CPU time spent in seconds.");
        meter.CreateObservableGauge("process_start_time_seconds", () => startTime,
            description: "Start time of the process since unix epoch in seconds.");
        meter.CreateObservableGauge("process_resident_memory_bytes", () => Optional(ProcSelf.Memory()?.Resident),
            description: "Resident memory size in bytes.");
        meter.CreateObservableGauge("process_virtual_memory_bytes", () => Optional(ProcSelf.Memory()?.Virtual),
            description: "Virtual memory size in bytes.");
        meter.CreateObservableGauge("process_open_fds", () => Optional(ProcSelf.OpenFileDescriptors()),
            description: "Number of open file descriptors.");
        meter.CreateObservableGauge("process_max_fds", () => Optional(ProcSelf.MaxFileDescriptors()),
            description: "Maximum number of open file descriptors.");
    }

    private static IEnumerable<Measurement<long>> Optional(long? value) =>
        value is { } v ? [new Measurement<long>(v)] : [];
}
