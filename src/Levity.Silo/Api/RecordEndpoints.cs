using System.Globalization;
using System.Text.Json.Nodes;
using Levity.Storage;

namespace Levity.Silo.Api;

/// <summary>
/// GET /api/reservations and GET /api/chargingprofiles: what was sent to chargers and what they
/// answered, newest first, optionally of one charger (<c>?chargePointId=</c>, 404 when it never
/// connected) and at most <c>?limit=</c> rows (1 to 1000, default 100).
/// </summary>
internal static class RecordEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/reservations", ReservationsAsync)
            .Produces<ReservationRecord[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reservations sent with ReserveNow and what became of them (Requested, Accepted, Refused, Cancelled, Used, Expired).");
        api.MapGet("/chargingprofiles", ChargingProfilesAsync)
            .Produces<ChargingProfileView[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Charging profiles sent with SetChargingProfile or RemoteStartTransaction (Requested, Active, Rejected, Cleared, Replaced).");
    }

    private static async Task<IResult> ReservationsAsync(string? chargePointId, string? limit, IStoreReader store, CancellationToken cancellationToken)
    {
        if (await CheckAsync(chargePointId, limit, store, cancellationToken) is { } problem)
        {
            return problem;
        }

        // A pure read: ReservationExpiry stores expiries as they come, and the listing shows a
        // reservation past its expiryDate as Expired even in the moment before that.
        return Results.Ok(await store.ListReservationsAsync(chargePointId, ParseLimit(limit), cancellationToken));
    }

    private static async Task<IResult> ChargingProfilesAsync(string? chargePointId, string? limit, IStoreReader store, CancellationToken cancellationToken)
    {
        if (await CheckAsync(chargePointId, limit, store, cancellationToken) is { } problem)
        {
            return problem;
        }

        var rows = await store.ListChargingProfilesAsync(chargePointId, ParseLimit(limit), cancellationToken);
        return Results.Ok(rows.Select(ChargingProfileView.From));
    }

    private static async Task<IResult?> CheckAsync(string? chargePointId, string? limit, IStoreReader store, CancellationToken cancellationToken)
    {
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > MaxLimit))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: $"'limit' must be a whole number from 1 to {MaxLimit}.",
                detail: $"limit={limit}");
        }

        if (chargePointId is not null && await store.LoadChargePointAsync(chargePointId, cancellationToken) is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown charger '{chargePointId}'.");
        }

        return null;
    }

    private static int ParseLimit(string? limit) => limit is null ? DefaultLimit : int.Parse(limit, NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>One charging profile as the API shows it: <see cref="Profile"/> is the JSON object that was sent.</summary>
internal sealed record ChargingProfileView(
    string ChargePointId,
    int? ConnectorId,
    int ChargingProfileId,
    int StackLevel,
    string Purpose,
    string Kind,
    string Status,
    string? ChargerStatus,
    string Source,
    JsonNode? Profile,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ClearedAt)
{
    public static ChargingProfileView From(ChargingProfileRecord row) => new(
        row.ChargePointId,
        row.ConnectorId,
        row.ChargingProfileId,
        row.StackLevel,
        row.Purpose,
        row.Kind,
        row.Status,
        row.ChargerStatus,
        row.Source,
        JsonNode.Parse(row.ProfileJson),
        row.CreatedAt,
        row.UpdatedAt,
        row.ClearedAt);
}
