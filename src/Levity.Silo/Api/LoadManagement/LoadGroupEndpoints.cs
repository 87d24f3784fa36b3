using System.Text.Json;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Grains.Interfaces.LoadManagement;
using Levity.Storage.LoadManagement;

namespace Levity.Silo.Api.LoadManagement;

/// <summary>
/// /api/groups and /api/chargepoints/{id}/load: load groups and chargers' load settings. A change
/// is committed to the database, then every site it touches (before and after) reloads and
/// recomputes, so the answer comes once the new limits are on their way.
/// </summary>
internal static class LoadGroupEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/groups", ListAsync)
            .Produces<LoadGroupSummaryView[]>()
            .WithSummary("Every load group: limit (A per phase), parent, members.");
        api.MapGet("/groups/{name}", GetAsync)
            .Produces<LoadGroupDetailView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One load group with its site's live allocation.");
        api.MapPut("/groups/{name}", PutAsync)
            .Accepts<LoadGroupBody>("application/json")
            .Produces<LoadGroupSummaryView>()
            .Produces<LoadGroupSummaryView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Creates (201) or replaces (200) a load group: limitAmps, parent, chargers (\"CP1\" or \"CP1:2\").");
        api.MapDelete("/groups/{name}", DeleteAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a load group (refused while it has child groups).");
        api.MapGet("/chargepoints/{id}/load", GetChargerAsync)
            .Produces<ChargerLoadDetailView>()
            .WithSummary("A charger's load settings and its current allocation with the reason.");
        api.MapPut("/chargepoints/{id}/load", PutChargerAsync)
            .Accepts<ChargerLoadBody>("application/json")
            .Produces<ChargerLoadSettingsView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Sets a charger's minAmps (default 6), maxAmps (default 32), phases (1 or 3) and phase (L1, L2, L3 for one phase).");
    }

    private static LoadGroupSummaryView View(LoadGroupRecord g) => new(g.Name, g.LimitAmps, g.Parent, [.. g.Members.Select(m => m.ToString())]);

    private static async Task<IResult> ListAsync(ILoadGroupStore store, CancellationToken cancellationToken) =>
        Results.Ok((await store.ListLoadGroupsAsync(cancellationToken)).Select(View).ToList());

    private static async Task<IResult> GetAsync(string name, ILoadGroupStore store, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var tree = new LoadGroupTree(await store.ListLoadGroupsAsync(cancellationToken));
        if (tree.Find(name) is not { } group)
        {
            return Unknown(name);
        }

        var site = tree.RootOf(name)!;
        var load = await grains.GetGrain<ILoadGroupGrain>(site).GetView();
        var below = tree.Subtree(name).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        return Results.Ok(new LoadGroupDetailView(
            group.Name,
            group.LimitAmps,
            group.Parent,
            [.. group.Members.Select(m => m.ToString())],
            site,
            load.ComputedAt,
            [.. load.Groups.Where(g => below.Contains(g.Name))],
            [.. load.Connectors.Where(c => below.Contains(c.Group))]));
    }

    private static async Task<IResult> PutAsync(string name, HttpRequest request, ILoadGroupStore store, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadAsync<LoadGroupBody>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (body!.LimitAmps is not { } limit || !(limit >= 0) || double.IsInfinity(limit))
        {
            return Bad("limitAmps must be a number of amperes, 0 or more.");
        }

        var members = new List<LoadGroupMember>();
        foreach (var text in body.Chargers ?? [])
        {
            if (LoadGroupMember.Parse(text) is not { } member)
            {
                return Bad($"'{text}' is not a charger id or charger:connector.");
            }

            members.Add(member);
        }

        var parent = string.IsNullOrEmpty(body.Parent) ? null : body.Parent;
        var before = Sites(await store.ListLoadGroupsAsync(cancellationToken));
        var result = await store.PutLoadGroupAsync(new LoadGroupRecord(name, limit, parent, members), cancellationToken);
        if (!result.Succeeded)
        {
            return Refused(result);
        }

        await ReloadAsync(grains, store, before, cancellationToken);
        var saved = new LoadGroupTree(await store.ListLoadGroupsAsync(cancellationToken)).Find(name)!;
        return result.Outcome == LoadGroupWriteOutcome.Created
            ? Results.Created($"{OperatorApi.Prefix}/groups/{Uri.EscapeDataString(name)}", View(saved))
            : Results.Ok(View(saved));
    }

    private static async Task<IResult> DeleteAsync(string name, ILoadGroupStore store, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var before = Sites(await store.ListLoadGroupsAsync(cancellationToken));
        var result = await store.DeleteLoadGroupAsync(name, cancellationToken);
        if (!result.Succeeded)
        {
            return Refused(result);
        }

        await ReloadAsync(grains, store, before, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> GetChargerAsync(string id, ILoadGroupStore store, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var settings = (await store.ListChargerLoadSettingsAsync(cancellationToken)).FirstOrDefault(s => s.ChargePointId == id) ?? new ChargerLoadSettings(id);
        var tree = new LoadGroupTree(await store.ListLoadGroupsAsync(cancellationToken));
        var state = await grains.GetGrain<IChargePointGrain>(id).GetState();
        return Results.Ok(new ChargerLoadDetailView(
            id,
            settings.MinAmps,
            settings.MaxAmps,
            settings.Phases,
            settings.Phase,
            tree.Groups.FirstOrDefault(g => g.Members.Any(m => m.ChargePointId == id))?.Name,
            tree.RootOfCharger(id),
            state.Load));
    }

    private static async Task<IResult> PutChargerAsync(string id, HttpRequest request, ILoadGroupStore store, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadAsync<ChargerLoadBody>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var current = (await store.ListChargerLoadSettingsAsync(cancellationToken)).FirstOrDefault(s => s.ChargePointId == id) ?? new ChargerLoadSettings(id);
        var phases = body!.Phases ?? current.Phases;
        var settings = new ChargerLoadSettings(
            id,
            body.MinAmps ?? current.MinAmps,
            body.MaxAmps ?? current.MaxAmps,
            phases,
            phases == 3 ? null : body.Phase ?? current.Phase);
        if (settings.Problem() is { } problem)
        {
            return Bad($"Charger {id}: {problem}.");
        }

        await store.PutChargerLoadSettingsAsync(settings, cancellationToken);
        if (new LoadGroupTree(await store.ListLoadGroupsAsync(cancellationToken)).RootOfCharger(id) is { } site)
        {
            await grains.GetGrain<ILoadGroupGrain>(site).Reload();
        }

        return Results.Ok(new ChargerLoadSettingsView(id, settings.MinAmps, settings.MaxAmps, settings.Phases, settings.Phase));
    }

    private static HashSet<string> Sites(IReadOnlyList<LoadGroupRecord> groups)
    {
        var tree = new LoadGroupTree(groups);
        return groups.Select(g => tree.RootOf(g.Name)!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The sites before the change first (chargers leave), then the sites after it (chargers join).</summary>
    private static async Task ReloadAsync(IGrainFactory grains, ILoadGroupStore store, HashSet<string> before, CancellationToken cancellationToken)
    {
        var after = Sites(await store.ListLoadGroupsAsync(cancellationToken));
        foreach (var site in before.Except(after, StringComparer.Ordinal).Concat(after))
        {
            await grains.GetGrain<ILoadGroupGrain>(site).Reload();
        }
    }

    private static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, cancellationToken);
            return body is null ? (null, Bad("The body must be a JSON object.")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON for this request.", detail: e.Message));
        }
    }

    private static IResult Refused(LoadGroupWriteResult result) => result.Outcome switch
    {
        LoadGroupWriteOutcome.NotFound => Unknown(result.Detail ?? string.Empty),
        LoadGroupWriteOutcome.ParentNotFound => Bad($"No load group '{result.Detail}' to be the parent."),
        LoadGroupWriteOutcome.Cycle => Conflict($"Parent '{result.Detail}' is inside this group: groups cannot form a loop."),
        LoadGroupWriteOutcome.MemberElsewhere => Conflict($"{result.Detail}: a charger is in one group only; remove it there first."),
        LoadGroupWriteOutcome.HasChildren => Conflict($"Group '{result.Detail}' has this group as parent: delete or move it first."),
        _ => Bad(result.Outcome.ToString()),
    };

    private static IResult Unknown(string name) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown load group '{name}'.");

    private static IResult Bad(string title) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title);

    private static IResult Conflict(string title) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title);
}
