using System.Globalization;
using System.Text.Json;
using Levity.Grains.Authorization;
using Levity.Storage;

namespace Levity.Silo.Api;

/// <summary>
/// /api/idtags: the id-tag table Authorize and StartTransaction answer from. Changes go through
/// <see cref="IdTagDirectory"/>, which writes them to the database (durable before the answer)
/// and replaces its in-memory snapshot, so the next charger message sees them.
/// </summary>
internal static class IdTagEndpoints
{
    /// <summary>OCPP 1.6 IdToken: CiString20Type.</summary>
    public const int MaxIdTagLength = 20;
    private const int MaxLabelLength = 200;

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/idtags", ListAsync)
            .Produces<IdTagView[]>()
            .WithSummary("Every id tag, ordered by idTag.");
        api.MapGet("/idtags/{idTag}", GetAsync)
            .Produces<IdTagView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One id tag (case-insensitive).");
        api.MapPut("/idtags/{idTag}", PutAsync)
            .Accepts<IdTagBody>("application/json")
            .Produces<IdTagView>()
            .Produces<IdTagView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Creates (201) or replaces (200) an id tag: status (Accepted, Blocked, Expired, Invalid; default Accepted), expiryDate, parentIdTag, label.");
        api.MapDelete("/idtags/{idTag}", DeleteAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Deletes an id tag.");
    }

    private static async Task<IResult> ListAsync(IdTagDirectory directory, CancellationToken cancellationToken) =>
        Results.Ok((await directory.ListAsync(cancellationToken)).Select(IdTagView.From).ToList());

    private static async Task<IResult> GetAsync(string idTag, IdTagDirectory directory, CancellationToken cancellationToken) =>
        await directory.GetAsync(idTag, cancellationToken) is { } tag ? Results.Ok(IdTagView.From(tag)) : UnknownTag(idTag);

    private static async Task<IResult> PutAsync(string idTag, HttpRequest request, IdTagDirectory directory, CancellationToken cancellationToken)
    {
        if (CheckIdTag("idTag", idTag) is { } badTag)
        {
            return badTag;
        }

        using var reader = new StreamReader(request.Body);
        var (tag, error) = Parse(idTag, await reader.ReadToEndAsync(cancellationToken));
        if (error is not null)
        {
            return error;
        }

        var created = await directory.PutAsync(tag!, cancellationToken);
        var view = IdTagView.From(tag!);
        return created ? Results.Created($"{OperatorApi.Prefix}/idtags/{Uri.EscapeDataString(idTag)}", view) : Results.Ok(view);
    }

    private static async Task<IResult> DeleteAsync(string idTag, IdTagDirectory directory, CancellationToken cancellationToken) =>
        await directory.DeleteAsync(idTag, cancellationToken) ? Results.NoContent() : UnknownTag(idTag);

    /// <summary>The body by hand, so every refusal names its field.</summary>
    private static (IdTagRecord? Tag, IResult? Error) Parse(string idTag, string body)
    {
        var status = IdTagStatus.Accepted;
        DateTimeOffset? expiry = null;
        string? parent = null;
        var label = string.Empty;
        if (string.IsNullOrWhiteSpace(body))
        {
            return (new IdTagRecord(idTag, status, expiry, parent, label), null);
        }

        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON.", detail: e.Message));
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return (null, BadRequest("The body must be a JSON object with status, expiryDate, parentIdTag and label (all optional)."));
        }

        foreach (var property in json.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (property.Name)
            {
                case "status":
                    if (value.ValueKind != JsonValueKind.String || IdTagStatus.Normalize(value.GetString()) is not { } s)
                    {
                        return (null, BadRequest($"status: {value.GetRawText()} is not one of {string.Join(", ", IdTagStatus.All)}."));
                    }

                    status = s;
                    break;
                case "expiryDate":
                    if (value.ValueKind != JsonValueKind.String
                        || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var e))
                    {
                        return (null, BadRequest($"expiryDate: {value.GetRawText()} is not an ISO 8601 date-time (e.g. 2027-01-01T00:00:00Z)."));
                    }

                    expiry = e;
                    break;
                case "parentIdTag":
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        return (null, BadRequest("parentIdTag: must be a string of 1 to 20 characters."));
                    }

                    parent = value.GetString() is { Length: > 0 } p ? p : null;
                    if (parent is not null && CheckIdTag("parentIdTag", parent) is { } badParent)
                    {
                        return (null, badParent);
                    }

                    if (string.Equals(parent, idTag, StringComparison.OrdinalIgnoreCase))
                    {
                        return (null, BadRequest("parentIdTag: a tag cannot be its own parent."));
                    }

                    break;
                case "label":
                    if (value.ValueKind != JsonValueKind.String || value.GetString()!.Length > MaxLabelLength)
                    {
                        return (null, BadRequest($"label: must be a string of at most {MaxLabelLength} characters."));
                    }

                    label = value.GetString()!;
                    break;
                default:
                    // Unknown properties are ignored, as for chargers: a newer client may send more.
                    break;
            }
        }

        return (new IdTagRecord(idTag, status, expiry, parent, label), null);
    }

    private static IResult? CheckIdTag(string field, string value) =>
        value.Length is < 1 or > MaxIdTagLength || value.Any(char.IsControl) || value.Trim().Length != value.Length
            ? BadRequest($"{field}: '{value}' must be 1 to {MaxIdTagLength} characters without leading or trailing spaces (OCPP IdToken).")
            : null;

    private static IResult BadRequest(string title) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title);

    private static IResult UnknownTag(string idTag) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown id tag '{idTag}'.");
}
