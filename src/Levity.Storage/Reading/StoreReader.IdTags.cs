namespace Levity.Storage.Reading;

internal sealed partial class StoreReader
{
    /// <summary>The whole <c>id_tag</c> table (small: one row per card), by tag.</summary>
    public async Task<IReadOnlyList<IdTagRecord>> ListIdTagsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id_tag, status, expiry_date, parent_id_tag, label FROM id_tag ORDER BY id_tag";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tags = new List<IdTagRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tags.Add(RowMapping.IdTag(reader));
        }

        return tags;
    }
}
