namespace Levity.Silo.Api.LoadManagement;

/// <summary>PUT /api/groups/{name}: the limit in amperes per phase, the parent group (null: a site) and the members ("CP1" or "CP1:2").</summary>
internal sealed record LoadGroupBody(double? LimitAmps, string? Parent, IReadOnlyList<string>? Chargers);
