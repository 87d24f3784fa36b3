using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Storage.Schema;

/// <summary>What a migration may touch: the connection inside the migration's transaction.</summary>
internal sealed class MigrationContext(SqliteConnection connection, SqliteTransaction transaction)
{
    public void Execute(string sql) => connection.Execute(sql, transaction);

    public object? Scalar(string sql) => connection.Scalar(sql, transaction);

    public IReadOnlyList<TableColumn> Columns(string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info($table) ORDER BY cid";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var columns = new List<TableColumn>();
        while (reader.Read())
        {
            columns.Add(new TableColumn(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2) != 0,
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return columns;
    }

    public bool HasColumn(string table, string column) =>
        Columns(table).Any(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase));

    /// <summary>The CREATE statements of a table's explicit indexes and triggers (not autoindexes).</summary>
    public IReadOnlyList<(string Type, string Name, string Sql)> DependentObjects(string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT type, name, sql FROM sqlite_master
            WHERE tbl_name = $table AND type IN ('index', 'trigger') AND sql IS NOT NULL
            ORDER BY type, name
            """;
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var objects = new List<(string, string, string)>();
        while (reader.Read())
        {
            objects.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return objects;
    }

    public long? AutoincrementSequence(string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT seq FROM sqlite_sequence WHERE name = $table";
        command.Parameters.AddWithValue("$table", table);
        return command.ExecuteScalar() is long seq ? seq : null;
    }

    /// <summary>Raises the AUTOINCREMENT high-water mark to at least <paramref name="seq"/>, never lowers it.</summary>
    public void RestoreAutoincrementSequence(string table, long seq)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE sqlite_sequence SET seq = MAX(seq, $seq) WHERE name = $table;
            INSERT INTO sqlite_sequence (name, seq)
            SELECT $table, $seq WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = $table);
            """;
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$seq", seq);
        command.ExecuteNonQuery();
    }
}
