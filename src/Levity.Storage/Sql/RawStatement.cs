using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Levity.Storage.Sql;

/// <summary>
/// A prepared statement driven through SQLite's own API on a <see cref="SqliteConnection"/>'s
/// handle, for the writer's hottest INSERT. SqliteCommand rebinds every parameter on every
/// execution and converts each string to UTF-8 anew (profiled: a fifth of the writer's time
/// at 10,000 MeterValues/s). SQLite keeps bindings across <c>sqlite3_reset</c>, so this binds
/// a parameter only when its value changed, and a text value goes straight from UTF-16 to a
/// stack buffer. One thread only; disposed before its connection.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private const int StackTextBytes = 512;

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly string?[] _text;
    private readonly bool[] _isText;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        var count = raw.sqlite3_bind_parameter_count(_statement);
        _text = new string?[count];
        _isText = new bool[count];
    }

    /// <summary>Binds the parameter at 0-based <paramref name="index"/>.</summary>
    public void Bind(int index, long value)
    {
        _isText[index] = false;
        Check(raw.sqlite3_bind_int64(_statement, index + 1, value));
    }

    public void Bind(int index, long? value)
    {
        if (value is long number)
        {
            Bind(index, number);
        }
        else
        {
            _isText[index] = false;
            Check(raw.sqlite3_bind_null(_statement, index + 1));
        }
    }

    public void Bind(int index, double value)
    {
        _isText[index] = false;
        Check(raw.sqlite3_bind_double(_statement, index + 1, value));
    }

    /// <summary>Binds text; a no-op when the parameter already holds an equal string.</summary>
    public void Bind(int index, string value)
    {
        if (_isText[index] && string.Equals(_text[index], value, StringComparison.Ordinal))
        {
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        Span<byte> buffer = length <= StackTextBytes ? stackalloc byte[StackTextBytes] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            // SQLitePCL binds a span with SQLITE_TRANSIENT: SQLite copies it before returning.
            Check(raw.sqlite3_bind_text(_statement, index + 1, buffer[..written]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        _text[index] = value;
        _isText[index] = true;
    }

    /// <summary>Runs the statement (one that returns no rows) and resets it for the next run; bindings stay.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        // Reset even after a failure: the statement must be reusable by the next operation.
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
            throw new SqliteException($"Statement returned {rc} where no rows were expected.", rc);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }

    public void Dispose() => _statement.Dispose();
}
