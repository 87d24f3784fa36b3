using Levity.Grains.Diagnostics;
using Levity.Silo.Hosting;
using Levity.Silo.Metrics.ChargePoints;
using Levity.Silo.Metrics.Endpoints;
using Levity.Silo.Metrics.Process;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Levity.Silo.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// The Prometheus exposition: the scraper (an OpenTelemetry MeterProvider over the Levity*
    /// and System.Runtime meters), process metrics, ocpp_central_up, the per-charger metrics (a grain-call filter) and the readiness probe.
    /// Registered as a hosted service so the meters exist and are listened to from the start.
    /// </summary>
    public static IServiceCollection AddLevityMetrics(this IServiceCollection services, DedicatedListener listener, Action<MetricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(listener);
        services.AddMetrics();
        services.AddOptions<MetricsOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddSingleton(listener);
        services.AddSingleton<ProcessMetrics>();
        services.AddSingleton<CentralSystemMetrics>();
        services.TryAddSingleton<ChargePointMetrics>();
        // Registered before AddCentralSystem's plugin filter, so it runs first and times the plugins too.
        services.AddSingleton<IIncomingGrainCallFilter, ChargePointMetricsFilter>();
        services.AddSingleton<MetricsScraper>();
        services.AddSingleton<ReadinessProbe>();
        services.AddHostedService<MetricsStartup>();
        return services;
    }
}
