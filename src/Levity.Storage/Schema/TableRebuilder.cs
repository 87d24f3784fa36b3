using System.Globalization;

namespace Levity.Storage.Schema;

/// <summary>
/// SQLite cannot drop or change a constraint with ALTER TABLE, so such a change rebuilds the table
/// (the procedure of sqlite.org/lang_altertable.html): create the new shape, copy every row with
/// its id, drop the old table, rename, restore the AUTOINCREMENT high-water mark (so ids are never
/// reused) and recreate the indexes and triggers the old table had. Columns the new shape does not
/// know (added by hand to an existing database) are carried over too. Runs inside the migration's
/// transaction with foreign keys off, so it is all or nothing.
/// </summary>
internal static class TableRebuilder
{
    /// <param name="context">The running migration.</param>
    /// <param name="table">Table to rebuild.</param>
    /// <param name="createSql">CREATE TABLE statement with <c>{0}</c> where the table name goes.</param>
    /// <param name="retiredObjects">Old index/trigger names not to recreate (replaced by the caller).</param>
    public static void Rebuild(MigrationContext context, string table, string createSql, IReadOnlySet<string> retiredObjects)
    {
        var staging = table + "__rebuild";
        var oldColumns = context.Columns(table);
        var dependents = context.DependentObjects(table);
        var sequence = context.AutoincrementSequence(table);

        context.Execute($"DROP TABLE IF EXISTS {Quote(staging)}");
        context.Execute(string.Format(CultureInfo.InvariantCulture, createSql, Quote(staging)));
        var newColumns = context.Columns(staging).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var extra in oldColumns.Where(c => !newColumns.Contains(c.Name)))
        {
            var definition = $"{Quote(extra.Name)} {extra.Type}";
            if (extra.DefaultValue is not null)
            {
                definition += $" DEFAULT {extra.DefaultValue}";
            }

            context.Execute($"ALTER TABLE {Quote(staging)} ADD COLUMN {definition}");
        }

        var columnList = string.Join(", ", oldColumns.Select(c => Quote(c.Name)));
        context.Execute($"INSERT INTO {Quote(staging)} ({columnList}) SELECT {columnList} FROM {Quote(table)}");
        context.Execute($"DROP TABLE {Quote(table)}");
        // Legacy rename leaves views and triggers that mention the name alone: they refer to the
        // table by name and find the rebuilt one.
        context.Execute("PRAGMA legacy_alter_table = ON");
        context.Execute($"ALTER TABLE {Quote(staging)} RENAME TO {Quote(table)}");
        context.Execute("PRAGMA legacy_alter_table = OFF");

        if (sequence is long seq)
        {
            context.RestoreAutoincrementSequence(table, seq);
        }

        foreach (var (_, name, sql) in dependents)
        {
            if (!retiredObjects.Contains(name))
            {
                context.Execute(sql);
            }
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
