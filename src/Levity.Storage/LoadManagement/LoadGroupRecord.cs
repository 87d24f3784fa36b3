namespace Levity.Storage.LoadManagement;

/// <summary>A load group as stored: its limit in amperes on each phase, its parent group (null: a site) and its members.</summary>
public sealed record LoadGroupRecord(string Name, double LimitAmps, string? Parent, IReadOnlyList<LoadGroupMember> Members);
