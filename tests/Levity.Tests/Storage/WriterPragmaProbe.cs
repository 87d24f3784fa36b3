using Levity.Grains.Storage.Writer;

namespace Levity.Tests.Storage;

/// <summary>Reads the writer connection's settings from inside a batch.</summary>
internal sealed class WriterPragmaProbe : StoreOperation<(long Synchronous, long ForeignKeys, string JournalMode)>
{
    protected override (long Synchronous, long ForeignKeys, string JournalMode) Run(WriterSession session)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = "SELECT (SELECT synchronous FROM pragma_synchronous), (SELECT foreign_keys FROM pragma_foreign_keys), (SELECT journal_mode FROM pragma_journal_mode)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2));
    }
}
