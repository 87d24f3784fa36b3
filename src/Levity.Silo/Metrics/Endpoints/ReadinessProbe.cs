using Levity.Storage;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Metrics.Endpoints;

/// <summary>
/// /readyz: the server has started and is not stopping (so the OCPP listener is bound), and the
/// database takes a write lock (<see cref="StoreHealth"/>).
/// </summary>
public sealed class ReadinessProbe(
    StoreHealth store,
    IOptions<MetricsOptions> metricsOptions,
    IHostApplicationLifetime lifetime)
{
    /// <summary>Null when ready, otherwise why not (one line, for the response body).</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return "not started";
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return "stopping";
        }

        return await store.IsWritableAsync(metricsOptions.Value.ReadinessTimeout, cancellationToken) ? null : "database not writable";
    }
}
