using Levity.Grains.Interfaces.LoadManagement;

namespace Levity.Silo.Api.LoadManagement;

/// <summary>A load group as stored: limit in amperes per phase, parent, members ("CP1" or "CP1:2").</summary>
internal sealed record LoadGroupSummaryView(string Name, double LimitAmps, string? Parent, string[] Chargers);

/// <summary>A load group with its site's live allocation: the groups and connectors at or below it.</summary>
internal sealed record LoadGroupDetailView(
    string Name,
    double LimitAmps,
    string? Parent,
    string[] Chargers,
    string Site,
    DateTimeOffset? ComputedAt,
    GroupLoad[] Groups,
    ConnectorAllocation[] Connectors);

/// <summary>A charger's load settings as stored.</summary>
internal sealed record ChargerLoadSettingsView(string ChargePointId, double MinAmps, double MaxAmps, int Phases, string? Phase);

/// <summary>A charger's load settings, its group and site, and its allocation now with the reason.</summary>
internal sealed record ChargerLoadDetailView(
    string ChargePointId,
    double MinAmps,
    double MaxAmps,
    int Phases,
    string? Phase,
    string? Group,
    string? Site,
    ChargerLoadView? Load);
