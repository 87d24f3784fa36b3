using Levity.Storage.Writer;

namespace Levity.Storage.LoadManagement;

/// <summary>Deletes a group with its members, unless another group has it as parent.</summary>
internal sealed class DeleteLoadGroupOperation(string name) : StoreOperation<LoadGroupWriteResult>
{
    protected override LoadGroupWriteResult Run(WriterSession session)
    {
        var tree = new LoadGroupTree(LoadGroupRows.ReadAll(session.Connection));
        if (tree.Find(name) is null)
        {
            return new LoadGroupWriteResult(LoadGroupWriteOutcome.NotFound, name);
        }

        if (tree.Groups.FirstOrDefault(g => g.Parent == name) is { } child)
        {
            return new LoadGroupWriteResult(LoadGroupWriteOutcome.HasChildren, child.Name);
        }

        using var delete = session.Connection.CreateCommand();
        delete.CommandText = "DELETE FROM load_group_member WHERE group_name = $name; DELETE FROM load_group WHERE name = $name";
        delete.Parameters.AddWithValue("$name", name);
        delete.ExecuteNonQuery();
        return new LoadGroupWriteResult(LoadGroupWriteOutcome.Deleted);
    }
}
