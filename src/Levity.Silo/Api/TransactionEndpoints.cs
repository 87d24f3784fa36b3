using System.Globalization;
using System.Text.Json;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Storage;

namespace Levity.Silo.Api;

/// <summary>
/// /api/transactions: listing with filters and paging, one transaction with its meter values, and
/// closing a stale transaction in the database without a word to the charger.
/// </summary>
internal static class TransactionEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;
    public const string DefaultCloseReason = "ClosedByOperator";
    private const int MaxReasonLength = 255;

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/transactions", ListAsync)
            .Produces<TransactionListView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Transactions, newest first: filters chargePointId, idTag, active, from, to (start time); paging limit (default 50, max 1000), offset.");
        api.MapGet("/transactions/{id:int}", GetAsync)
            .Produces<TransactionDetailView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One transaction with its meter values in time order.");
        api.MapPost("/transactions/{id:int}/close", CloseAsync)
            .Accepts<CloseTransactionBody>("application/json")
            .Produces<TransactionView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Closes a stale transaction in the database (meterStop = last energy reading) without sending anything to the charger.");
    }

    private static async Task<IResult> ListAsync(
        string? chargePointId, string? idTag, string? active, string? from, string? to, string? limit, string? offset,
        IStoreReader store, CancellationToken cancellationToken)
    {
        bool? activeFilter = null;
        if (active is not null)
        {
            if (!bool.TryParse(active, out var a))
            {
                return BadRequest($"active: '{active}' must be true or false.");
            }

            activeFilter = a;
        }

        if (!TryInstant(from, out var fromTime))
        {
            return BadRequest($"from: '{from}' is not an ISO 8601 instant (e.g. 2026-11-01T00:00:00Z).");
        }

        if (!TryInstant(to, out var toTime))
        {
            return BadRequest($"to: '{to}' is not an ISO 8601 instant (e.g. 2026-12-01T00:00:00Z).");
        }

        var pageSize = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            return BadRequest($"limit: '{limit}' must be a whole number from 1 to {MaxLimit}.");
        }

        var skip = 0;
        if (offset is not null && !int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
        {
            return BadRequest($"offset: '{offset}' must be a whole number of 0 or more.");
        }

        var page = await store.ListTransactionsAsync(
            new TransactionQuery(Blank(chargePointId), Blank(idTag), activeFilter, fromTime, toTime, pageSize, skip), cancellationToken);
        return Results.Ok(new TransactionListView([.. page.Items.Select(TransactionView.From)], page.Total, pageSize, skip));
    }

    private static async Task<IResult> GetAsync(int id, IStoreReader store, CancellationToken cancellationToken)
    {
        if (await store.GetTransactionAsync(id, cancellationToken) is not { } tx)
        {
            return UnknownTransaction(id);
        }

        var meterValues = await store.GetTransactionMeterValuesAsync(id, cancellationToken);
        return Results.Ok(TransactionDetailView.From(tx, meterValues));
    }

    /// <summary>
    /// Goes through the charger's grain, the single writer of its rows: the grain drops the
    /// transaction from its open set and its gauges, then closes it as it closes orphans.
    /// </summary>
    private static async Task<IResult> CloseAsync(int id, HttpRequest request, IGrainFactory grains, IStoreReader store, CancellationToken cancellationToken)
    {
        var (reason, error) = await ReadReasonAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (await store.GetTransactionAsync(id, cancellationToken) is not { } tx)
        {
            return UnknownTransaction(id);
        }

        if (!tx.IsActive)
        {
            return AlreadyClosed(tx);
        }

        var closed = await grains.GetGrain<IChargePointGrain>(tx.ChargePointId).CloseTransaction(id, reason);
        var now = await store.GetTransactionAsync(id, cancellationToken);
        if (now is null)
        {
            return UnknownTransaction(id);
        }

        // Not closed by us: the charger's own StopTransaction (or another close) got there first.
        return closed ? Results.Ok(TransactionView.From(now)) : AlreadyClosed(now);
    }

    private static async Task<(string Reason, IResult? Error)> ReadReasonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(body))
        {
            return (DefaultCloseReason, null);
        }

        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (string.Empty, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON.", detail: e.Message));
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return (string.Empty, BadRequest("The body must be a JSON object such as {\"reason\":\"ClosedByOperator\"}."));
        }

        if (!json.TryGetProperty("reason", out var reasonJson) || reasonJson.ValueKind == JsonValueKind.Null)
        {
            return (DefaultCloseReason, null);
        }

        if (reasonJson.ValueKind != JsonValueKind.String || reasonJson.GetString() is not { Length: > 0 and <= MaxReasonLength } reason || string.IsNullOrWhiteSpace(reason))
        {
            return (string.Empty, BadRequest($"reason: must be a non-empty string of at most {MaxReasonLength} characters."));
        }

        return (reason, null);
    }

    private static bool TryInstant(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static IResult BadRequest(string title) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title);

    private static IResult UnknownTransaction(int id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown transaction {id}.");

    private static IResult AlreadyClosed(TransactionRecord tx) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Transaction {tx.Id} is already closed (status {tx.Status}).");
}

/// <summary>Body of <c>POST /api/transactions/{id}/close</c> (optional).</summary>
internal sealed record CloseTransactionBody(string? Reason);
