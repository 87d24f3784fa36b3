using Levity.Silo.Hosting;
using Levity.Silo.Metrics.Exposition;

namespace Levity.Silo.Metrics.Endpoints;

/// <summary>/metrics and /readyz, answered only on the metrics listener (404 on the OCPP port).</summary>
public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var listener = endpoints.ServiceProvider.GetRequiredService<DedicatedListener>();
        var group = endpoints.MapGroup(string.Empty).AddEndpointFilter((context, next) =>
            listener.Accepts(context.HttpContext.Connection.LocalPort) ? next(context) : ValueTask.FromResult<object?>(Results.NotFound()));

        group.MapGet("/metrics", async (MetricsScraper scraper, CancellationToken cancellationToken) =>
            Results.Bytes(await scraper.ScrapeAsync(cancellationToken), PrometheusText.ContentType));
        group.MapGet("/readyz", async (ReadinessProbe probe, CancellationToken cancellationToken) =>
            await probe.CheckAsync(cancellationToken) is { } problem
                ? Results.Text(problem + "\n", statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Text("ok\n"));
        return endpoints;
    }
}
