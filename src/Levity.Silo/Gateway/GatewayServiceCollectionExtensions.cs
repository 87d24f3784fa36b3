using Levity.Silo.Configuration;

namespace Levity.Silo.Gateway;

public static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddGateway(this IServiceCollection services, LevityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.Configure<GatewayOptions>(g =>
        {
            g.PingInterval = options.DisableWebsocketPing ? null : g.PingInterval;
            g.SilenceLimit = TimeSpan.FromSeconds(3 * options.HeartbeatInterval);
        });
        services.AddSingleton<ChargerSessionRegistry>();
        services.AddSingleton<ChargerSessionServices>();
        services.AddSingleton<WebSocketGateway>();
        services.AddHostedService<SilenceWatchdog>();
        services.AddHostedService<GatewayShutdown>();
        return services;
    }

    public static IEndpointRouteBuilder MapGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(WebSocketGateway.Route, (HttpContext context, string chargePointId, WebSocketGateway gateway) => gateway.HandleAsync(context, chargePointId));
        return endpoints;
    }
}
