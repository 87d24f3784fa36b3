using Levity.Storage.Sql;
using Levity.Storage.Writer;

namespace Levity.Storage.LoadManagement;

/// <summary>Creates or replaces a group and its member list, after checking the rules against the stored groups in the same transaction.</summary>
internal sealed class PutLoadGroupOperation(LoadGroupRecord group) : StoreOperation<LoadGroupWriteResult>
{
    protected override LoadGroupWriteResult Run(WriterSession session)
    {
        var connection = session.Connection;
        var tree = new LoadGroupTree(LoadGroupRows.ReadAll(connection));
        if (group.Parent is { } parent)
        {
            if (tree.Find(parent) is null)
            {
                return new LoadGroupWriteResult(LoadGroupWriteOutcome.ParentNotFound, parent);
            }

            if (tree.WouldCycle(group.Name, parent))
            {
                return new LoadGroupWriteResult(LoadGroupWriteOutcome.Cycle, parent);
            }
        }

        foreach (var other in tree.Groups.Where(g => g.Name != group.Name))
        {
            // A charger is managed by one group: all of it, or each connector in one place.
            var clash = other.Members.FirstOrDefault(m => group.Members.Any(n => n.ChargePointId == m.ChargePointId));
            if (clash is not null)
            {
                return new LoadGroupWriteResult(LoadGroupWriteOutcome.MemberElsewhere, $"{clash} is in group '{other.Name}'");
            }
        }

        var existed = tree.Find(group.Name) is not null;
        using (var upsert = connection.CreateCommand())
        {
            upsert.CommandText = """
                INSERT INTO load_group (name, limit_a, parent, created_at, updated_at) VALUES ($name, $limit, $parent, $now, $now)
                ON CONFLICT (name) DO UPDATE SET limit_a = excluded.limit_a, parent = excluded.parent, updated_at = excluded.updated_at
                """;
            upsert.Parameters.AddWithValue("$name", group.Name);
            upsert.Parameters.AddWithValue("$limit", group.LimitAmps);
            upsert.Parameters.AddWithValue("$parent", (object?)group.Parent ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$now", session.NowRowStamp);
            upsert.ExecuteNonQuery();
        }

        using (var clear = connection.CreateCommand())
        {
            clear.CommandText = "DELETE FROM load_group_member WHERE group_name = $name";
            clear.Parameters.AddWithValue("$name", group.Name);
            clear.ExecuteNonQuery();
        }

        using var insert = connection.Prepare("INSERT OR IGNORE INTO load_group_member (group_name, cp_id, conn_id) VALUES ($name, $cp, $conn)", "$name", "$cp", "$conn");
        foreach (var member in group.Members)
        {
            insert.Bind(0, group.Name).Bind(1, member.ChargePointId).Bind(2, member.ConnectorId).ExecuteNonQuery();
        }

        return new LoadGroupWriteResult(existed ? LoadGroupWriteOutcome.Updated : LoadGroupWriteOutcome.Created);
    }
}
