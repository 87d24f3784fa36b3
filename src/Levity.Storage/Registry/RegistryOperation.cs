using Levity.Storage.Writer;

namespace Levity.Storage.Registry;

/// <summary>
/// A registry write on the writer thread. Registry writes are rare (operator edits, a charger's
/// first contact), so they run ad-hoc statements instead of keeping prepared ones on the session.
/// </summary>
internal sealed class RegistryOperation<T>(Func<WriterSession, T> run) : StoreOperation<T>
{
    protected override T Run(WriterSession session) => run(session);
}
