using Microsoft.Data.Sqlite;

namespace Levity.Storage.Sql;

/// <summary>Small helpers for prepared, reused commands.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Creates and prepares a command whose parameters are bound by position later.</summary>
    public static SqliteCommand Prepare(this SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        try
        {
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            command.Prepare();
            return command;
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    public static SqliteCommand Bind(this SqliteCommand command, int index, object? value)
    {
        command.Parameters[index].Value = value ?? DBNull.Value;
        return command;
    }

    /// <summary>Runs a statement outside any prepared-command cache (setup, migrations).</summary>
    public static void Execute(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
