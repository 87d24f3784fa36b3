using Levity.Storage.Writer;

namespace Levity.Tests.Storage;

/// <summary>
/// A write that stores a row and then violates a constraint, as a real bad write would: the row
/// must vanish with it, and its batch-mates must commit.
/// </summary>
internal sealed class FailingWrite(string chargePointId) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = "INSERT INTO cp (id) VALUES ($id); INSERT INTO cp_conn (cp_id, conn_id) VALUES (NULL, 1);";
        command.Parameters.AddWithValue("$id", chargePointId);
        command.ExecuteNonQuery();
        return true;
    }
}
