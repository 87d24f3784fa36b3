using Levity.Silo.Audit.Buffering;
using Levity.Silo.Audit.Fluentd;
using Levity.Silo.Audit.Records;
using Levity.Silo.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAuditSink"/>: the Fluentd audit when --fluentd-endpoint is set,
    /// otherwise <see cref="NullAuditSink"/>. Call it before the store and the gateway are added:
    /// hosted services stop in reverse order, so the sender then stops last and its flush sees
    /// every disconnect, without holding up the store's flush.
    /// </summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, LevityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.FluentdEndpoint) || !HostPort.TryParse(options.FluentdEndpoint, out var endpoint))
        {
            services.TryAddSingleton<IAuditSink>(NullAuditSink.Instance);
            return services;
        }

        services.Configure<FluentdOptions>(fluentd =>
        {
            fluentd.Host = endpoint.Host;
            fluentd.Port = endpoint.Port;
            fluentd.TagPrefix = options.FluentdTag;
            fluentd.RequireAck = options.FluentdRequireAck;
        });
        services.TryAddSingleton<ITransactionStartLookup, StoreTransactionStartLookup>();
        return services.AddFluentdAudit();
    }

    /// <summary>The Fluentd audit with the <see cref="FluentdOptions"/> configured by the caller.</summary>
    public static IServiceCollection AddFluentdAudit(this IServiceCollection services)
    {
        services.AddOptions<FluentdOptions>();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var fluentd = sp.GetRequiredService<IOptions<FluentdOptions>>().Value;
            return new AuditBuffer(fluentd.BufferBytes, fluentd.BufferRecords);
        });
        services.TryAddSingleton<AuditMetrics>();
        services.TryAddSingleton<FluentdAuditSink>();
        services.AddSingleton<IAuditSink>(sp => sp.GetRequiredService<FluentdAuditSink>());
        services.AddHostedService<FluentdSender>();
        return services;
    }
}
