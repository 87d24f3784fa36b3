using Levity.Silo.Audit;
using Levity.Silo.Audit.Fluentd;
using Levity.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Levity.Tests.Audit.Support;

/// <summary>The real Levity server (Kestrel, grains, SQLite) with the Fluentd audit pointed at a test endpoint.</summary>
internal static class AuditServer
{
    public static Task<LevityTestServer> StartAsync(
        string endpoint,
        bool requireAck = false,
        Action<FluentdOptions>? tune = null,
        SignalingLoggerProvider<FluentdSender>? log = null,
        string? databasePath = null) =>
        LevityTestServer.StartAsync(
            databasePath,
            options =>
            {
                options.FluentdEndpoint = endpoint;
                options.FluentdRequireAck = requireAck;
            },
            services =>
            {
                services.Configure<FluentdOptions>(fluentd =>
                {
                    fluentd.InitialBackoff = TimeSpan.FromMilliseconds(20);
                    fluentd.MaxBackoff = TimeSpan.FromMilliseconds(200);
                    tune?.Invoke(fluentd);
                });
                if (log is not null)
                {
                    services.AddSingleton<ILoggerProvider>(log);
                }
            });

    public static AuditMetrics Metrics(this LevityTestServer server) => server.Services.GetRequiredService<AuditMetrics>();
}
