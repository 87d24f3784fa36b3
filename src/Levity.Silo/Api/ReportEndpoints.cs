using Levity.Reports;
using Levity.Silo.Reports;
using Levity.Storage;
using Levity.Storage.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Api;

/// <summary>
/// GET /api/reports/energy and /api/reports/transactions: the CLI's reports over the server's own
/// database file, read on a read-only connection of their own (the writer is never involved).
/// </summary>
internal static class ReportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/reports/energy", EnergyAsync)
            .Produces<ReportDocuments.EnergyDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .WithSummary("Energy per household (id-tag label), id tag or charger over [from, to); from/to are dates or times, local in tz (default UTC).");
        api.MapGet("/reports/transactions", TransactionsAsync)
            .Produces<ReportDocuments.TransactionsDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .WithSummary("Every transaction counted in [from, to) with its energy, flags and anomalies.");
    }

    private static async Task<IResult> EnergyAsync(string? from, string? to, string? by, string? tz, IOptions<StoreOptions> store, CancellationToken cancellationToken)
    {
        if (!ReportNames.TryGrouping(by, out var grouping))
        {
            return BadRequest("by", $"'{by}' is not one of {string.Join(", ", ReportNames.Groupings)}");
        }

        return await RunAsync(from, to, tz, async period =>
        {
            var report = await EnergyReporter.EnergyAsync(store.Value.DatabasePath, period, grouping, new EnergyRules(), cancellationToken);
            return Results.Ok(ReportDocuments.Energy(report));
        });
    }

    private static Task<IResult> TransactionsAsync(string? from, string? to, string? tz, IOptions<StoreOptions> store, CancellationToken cancellationToken) =>
        RunAsync(from, to, tz, async period =>
        {
            var report = await EnergyReporter.TransactionsAsync(store.Value.DatabasePath, period, new EnergyRules(), cancellationToken);
            return Results.Ok(ReportDocuments.Transactions(report));
        });

    private static async Task<IResult> RunAsync(string? from, string? to, string? tz, Func<ReportPeriod, Task<IResult>> report)
    {
        if (!ReportPeriodParser.TryParse(from, to, tz, out var period, out var problem))
        {
            return BadRequest(problem.Field, problem.Message);
        }

        try
        {
            return await report(period);
        }
        catch (Exception e) when (e is ReportDatabaseException or SqliteException)
        {
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The report could not be read from the database.", detail: e.Message);
        }
    }

    private static IResult BadRequest(string field, string message) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: $"Invalid '{field}'.",
            detail: message,
            extensions: new Dictionary<string, object?> { ["field"] = field });
}
