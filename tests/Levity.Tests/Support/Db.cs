using Microsoft.Data.Sqlite;

namespace Levity.Tests.Support;

/// <summary>Reads a Levity database file the way billing SQL would: a separate read-only connection.</summary>
internal static class Db
{
    public static List<object?[]> Query(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static object? Scalar(string path, string sql) => Query(path, sql) is [var first, ..] ? first[0] : null;

    public static long Long(string path, string sql) => Convert.ToInt64(Scalar(path, sql), System.Globalization.CultureInfo.InvariantCulture);
}
