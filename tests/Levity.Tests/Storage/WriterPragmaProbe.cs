using Levity.Storage.Writer;

namespace Levity.Tests.Storage;

/// <summary>Reads the writer connection's settings from inside a batch.</summary>
internal sealed class WriterPragmaProbe : StoreOperation<(long Synchronous, long ForeignKeys, string JournalMode, long AutoCheckpoint)>
{
    protected override (long Synchronous, long ForeignKeys, string JournalMode, long AutoCheckpoint) Run(WriterSession session)
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = "SELECT (SELECT synchronous FROM pragma_synchronous), (SELECT foreign_keys FROM pragma_foreign_keys), (SELECT journal_mode FROM pragma_journal_mode)";
        using var reader = command.ExecuteReader();
        reader.Read();
        var settings = (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2));
        reader.Close();
        // A pragma with a setter is not a table-valued function: ask it directly.
        command.CommandText = "PRAGMA wal_autocheckpoint";
        var autoCheckpoint = (long)command.ExecuteScalar()!;
        return (settings.Item1, settings.Item2, settings.Item3, autoCheckpoint);
    }
}
