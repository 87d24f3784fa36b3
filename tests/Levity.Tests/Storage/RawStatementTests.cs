using Levity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Levity.Tests.Storage;

/// <summary>The writer's raw INSERT: bindings kept across runs, rebound only on change, errors as SqliteException.</summary>
public sealed class RawStatementTests
{
    [Fact]
    public void Execute_ValuesKeptOrChangedBetweenRuns_EachRowHasItsOwnValues()
    {
        using var database = TestDatabase.Empty();
        using var connection = database.Open();
        connection.Execute("CREATE TABLE t (a, b, c)");
        using (var insert = new RawStatement(connection, "INSERT INTO t (a, b, c) VALUES (?1, ?2, ?3)"))
        {
            insert.Bind(0, "kept");
            insert.Bind(1, 1L);
            insert.Bind(2, 2.5);
            insert.Execute();
            insert.Bind(1, "now text");
            insert.Execute();
            insert.Bind(0, new string("kept".AsSpan()));
            insert.Bind(1, (long?)null);
            insert.Bind(2, "é ü ✓ " + new string('x', 600));
            insert.Execute();
            insert.Bind(1, "now text");
            insert.Execute();
        }

        var rows = database.Rows("SELECT a, b, c, typeof(b) FROM t ORDER BY rowid");
        Assert.Equal(
            [
                ["kept", 1L, 2.5, "integer"],
                ["kept", "now text", 2.5, "text"],
                ["kept", null, "é ü ✓ " + new string('x', 600), "null"],
                ["kept", "now text", "é ü ✓ " + new string('x', 600), "text"],
            ],
            rows);
    }

    [Fact]
    public void Execute_ConstraintViolated_ThrowsSqliteExceptionAndStatementStaysUsable()
    {
        using var database = TestDatabase.Empty();
        using var connection = database.Open();
        connection.Execute("CREATE TABLE t (a TEXT NOT NULL)");
        using var insert = new RawStatement(connection, "INSERT INTO t (a) VALUES (?1)");

        insert.Bind(0, (long?)null);
        var error = Assert.Throws<SqliteException>(insert.Execute);
        insert.Bind(0, "after");
        insert.Execute();

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("NOT NULL", error.Message, StringComparison.Ordinal);
        Assert.Equal("after", database.Scalar("SELECT group_concat(a) FROM t"));
    }

    [Fact]
    public void Constructor_InvalidSql_ThrowsSqliteException()
    {
        using var database = TestDatabase.Empty();
        using var connection = database.Open();

        var error = Assert.Throws<SqliteException>(() => new RawStatement(connection, "INSERT INTO nowhere VALUES (?1)"));

        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }
}
