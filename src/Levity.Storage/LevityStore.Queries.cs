using Levity.Storage.Writer.Operations;

namespace Levity.Storage;

/// <summary>Transaction queries and the id-tag table (operator API).</summary>
public sealed partial class LevityStore
{
    public Task<TransactionPage> ListTransactionsAsync(TransactionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 0, nameof(query.Limit));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Offset, 0, nameof(query.Offset));
        return _reader.ListTransactionsAsync(query, cancellationToken);
    }

    public Task<IReadOnlyList<MeterValueRecord>> GetTransactionMeterValuesAsync(int transactionId, CancellationToken cancellationToken = default) =>
        _reader.GetTransactionMeterValuesAsync(transactionId, cancellationToken);

    public Task<IReadOnlyList<IdTagRecord>> ListIdTagsAsync(CancellationToken cancellationToken = default) =>
        _reader.ListIdTagsAsync(cancellationToken);

    public ValueTask<bool> PutIdTagAsync(IdTagRecord tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentException.ThrowIfNullOrEmpty(tag.IdTag, nameof(tag));
        if (IdTagStatus.Normalize(tag.Status) != tag.Status)
        {
            throw new ArgumentException($"'{tag.Status}' is not an id tag status.", nameof(tag));
        }

        return Writer.EnqueueAsync<bool>(new PutIdTagOperation(tag), cancellationToken);
    }

    public ValueTask<bool> DeleteIdTagAsync(string idTag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idTag);
        return Writer.EnqueueAsync<bool>(new DeleteIdTagOperation(idTag), cancellationToken);
    }
}
