namespace Levity.Storage.LoadManagement;

/// <summary>The stored groups as a tree: which site a group or a charger belongs to, and a site's groups.</summary>
public sealed class LoadGroupTree
{
    private readonly Dictionary<string, LoadGroupRecord> _groups;

    public LoadGroupTree(IEnumerable<LoadGroupRecord> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        _groups = groups.ToDictionary(g => g.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<LoadGroupRecord> Groups => _groups.Values;

    public LoadGroupRecord? Find(string name) => _groups.GetValueOrDefault(name);

    /// <summary>The top group above <paramref name="name"/> (itself for a site); null for an unknown group.</summary>
    public string? RootOf(string name)
    {
        var current = _groups.GetValueOrDefault(name);
        var depth = 0;
        while (current?.Parent is { } parent && _groups.TryGetValue(parent, out var up) && depth++ <= _groups.Count)
        {
            current = up;
        }

        return current?.Name;
    }

    /// <summary>The site a charger's connectors are managed by, or null when it is in no group.</summary>
    public string? RootOfCharger(string chargePointId) =>
        _groups.Values.FirstOrDefault(g => g.Members.Any(m => m.ChargePointId == chargePointId)) is { } group ? RootOf(group.Name) : null;

    /// <summary>A site and every group below it, parents before children.</summary>
    public IReadOnlyList<LoadGroupRecord> Subtree(string root)
    {
        var result = new List<LoadGroupRecord>();
        if (_groups.GetValueOrDefault(root) is not { } top)
        {
            return result;
        }

        result.Add(top);
        for (var i = 0; i < result.Count; i++)
        {
            var parent = result[i].Name;
            result.AddRange(_groups.Values.Where(g => g.Parent == parent).OrderBy(g => g.Name, StringComparer.Ordinal));
        }

        return result;
    }

    /// <summary>True when setting <paramref name="name"/>'s parent to <paramref name="parent"/> would close a loop.</summary>
    public bool WouldCycle(string name, string parent)
    {
        var current = parent;
        for (var depth = 0; depth <= _groups.Count + 1; depth++)
        {
            if (current == name)
            {
                return true;
            }

            if (_groups.GetValueOrDefault(current)?.Parent is not { } next)
            {
                return false;
            }

            current = next;
        }

        return true;
    }
}
