using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Writer.Commands;

/// <summary>Writes to <c>id_tag</c> (the key is NOCASE, so "abc" and "ABC" are one row).</summary>
internal sealed class IdTagCommands : IDisposable
{
    private readonly SqliteCommand _exists;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _delete;

    public IdTagCommands(SqliteConnection connection)
    {
        _exists = connection.Prepare("SELECT 1 FROM id_tag WHERE id_tag = $tag", "$tag");
        // A replace takes the spelling of the latest PUT and keeps created_at.
        _upsert = connection.Prepare(
            """
            INSERT INTO id_tag (id_tag, status, expiry_date, parent_id_tag, label, created_at, updated_at)
            VALUES ($tag, $status, $expiry, $parent, $label, $now, $now)
            ON CONFLICT (id_tag) DO UPDATE SET
                id_tag = excluded.id_tag, status = excluded.status, expiry_date = excluded.expiry_date,
                parent_id_tag = excluded.parent_id_tag, label = excluded.label, updated_at = excluded.updated_at
            """,
            "$tag", "$status", "$expiry", "$parent", "$label", "$now");
        _delete = connection.Prepare("DELETE FROM id_tag WHERE id_tag = $tag", "$tag");
    }

    public bool Exists(string idTag) => _exists.Bind(0, idTag).ExecuteScalar() is not null;

    public void Upsert(IdTagRecord tag, string? expiry, string now) =>
        _upsert.Bind(0, tag.IdTag)
            .Bind(1, tag.Status)
            .Bind(2, expiry)
            .Bind(3, tag.ParentIdTag)
            .Bind(4, tag.Label)
            .Bind(5, now)
            .ExecuteNonQuery();

    /// <returns>False when there was no such tag.</returns>
    public bool Delete(string idTag) => _delete.Bind(0, idTag).ExecuteNonQuery() == 1;

    public void Dispose()
    {
        _exists.Dispose();
        _upsert.Dispose();
        _delete.Dispose();
    }
}
