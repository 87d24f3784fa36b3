using Levity.Grains.Interfaces.ChargePoints;
using Levity.Silo.Configuration;
using Levity.Silo.Hosting;
using Levity.Storage;

namespace Levity.Silo.Api;

/// <summary>
/// The operator HTTP API, on its own listener (--api-port, --api-host). Every request is logged
/// and audited (<see cref="OperatorRequestLog"/>); with --api-token every request needs the bearer token.
/// </summary>
public static class OperatorApi
{
    public const string Prefix = "/api";

    public static void Map(WebApplication app, LevityOptions options, DedicatedListener listener)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ApiPort is null)
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Levity.Silo.Api.OperatorApi");
        // The local port decides, not the Host header, which a charger on the OCPP port could forge.
        var api = app.MapGroup(Prefix)
            .AddEndpointFilter((context, next) => listener.Accepts(context.HttpContext.Connection.LocalPort) ? next(context) : ValueTask.FromResult<object?>(Results.NotFound()))
            .AddEndpointFilter(new ApiTokenFilter(options.ApiToken, logger))
            .WithTags("operator");

        api.MapGet("/chargepoints", ListAsync)
            .Produces<ChargePointState[]>()
            .WithSummary("Every charger that ever connected, with its live state.");
        api.MapGet("/chargepoints/{id}", GetAsync)
            .Produces<ChargePointState>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One charger: connection, connectors, open transactions, identity.");
        ChargePointCallEndpoint.Map(api);
        TransactionEndpoints.Map(api);
        IdTagEndpoints.Map(api);
        ReportEndpoints.Map(api);
        RecordEndpoints.Map(api);
        RegistryEndpoints.Map(api);
        LoadManagement.LoadGroupEndpoints.Map(api);
        app.Use(new OperatorRequestLog(listener, app.Services.GetRequiredService<Audit.IAuditSink>(), app.Services.GetRequiredService<TimeProvider>(), logger).InvokeAsync);
        app.MapOpenApi(ApiDocument.Path)
            .AddEndpointFilter((context, next) => listener.Accepts(context.HttpContext.Connection.LocalPort) ? next(context) : ValueTask.FromResult<object?>(Results.NotFound()));
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains, IStoreReader store, CancellationToken cancellationToken)
    {
        var rows = await store.ListChargePointsAsync(cancellationToken);
        var states = await Task.WhenAll(rows.Select(r => grains.GetGrain<IChargePointGrain>(r.Id).GetState()));
        return Results.Ok(states);
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains, IStoreReader store, CancellationToken cancellationToken) =>
        await store.LoadChargePointAsync(id, cancellationToken) is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown charger '{id}'.")
            : Results.Ok(await grains.GetGrain<IChargePointGrain>(id).GetState());
}
