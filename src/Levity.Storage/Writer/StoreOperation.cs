namespace Levity.Storage.Writer;

/// <summary>
/// One queued write. The writer thread runs <see cref="Execute"/> inside the batch transaction
/// (a second time, under the operation's own savepoint, if a batch-mate failed: so Execute must
/// write only through the session and keep no state but its result) and, once the batch has
/// committed or failed, calls <see cref="Complete"/>, which releases the awaiting caller.
/// </summary>
internal abstract class StoreOperation
{
    internal abstract void Execute(WriterSession session);

    /// <summary>Marks the operation failed; the first cause wins. Signalled by <see cref="Complete"/>.</summary>
    internal abstract void Fail(Exception error);

    internal abstract void Complete();
}
