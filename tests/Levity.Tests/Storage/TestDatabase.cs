using Microsoft.Data.Sqlite;

namespace Levity.Tests.Storage;

/// <summary>A temporary directory holding one SQLite file; deleted on dispose.</summary>
public sealed class TestDatabase : IDisposable
{
    private static readonly string SamplePath = System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "levity-py-sample.db");

    private TestDatabase(string directory)
    {
        Directory = directory;
        Path = System.IO.Path.Combine(directory, "levity.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public static TestDatabase Empty()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "levity-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TestDatabase(directory);
    }

    /// <summary>A writable copy of the Python Levity's sample database.</summary>
    public static TestDatabase PythonSample()
    {
        var database = Empty();
        File.Copy(SamplePath, database.Path);
        File.SetAttributes(database.Path, FileAttributes.Normal);
        return database;
    }

    /// <summary>
    /// What a crash leaves on disk: a copy of the database and its WAL taken while the store still
    /// has them open (no checkpoint, no close). Opening the copy replays the WAL.
    /// </summary>
    public TestDatabase CrashImage()
    {
        var image = Empty();
        CopyIgnoringLock(Path, image.Path);
        if (File.Exists(Path + "-wal"))
        {
            File.Copy(Path + "-wal", image.Path + "-wal");
        }

        return image;
    }

    /// <summary>A copy of the main file alone: what is in it without the WAL (checkpointed pages only).</summary>
    public TestDatabase MainFileImage()
    {
        var image = Empty();
        CopyIgnoringLock(Path, image.Path);
        return image;
    }

    /// <summary>
    /// An open store holds flock(LOCK_EX) on its file, and .NET takes flock(LOCK_SH) on every file
    /// it opens, so File.Copy would refuse; cp takes no flock, as a crash leaves no lock either.
    /// </summary>
    private static void CopyIgnoringLock(string source, string target)
    {
        using var cp = System.Diagnostics.Process.Start("cp", ["--", source, target])!;
        cp.WaitForExit();
        if (cp.ExitCode != 0)
        {
            throw new IOException($"cp {source} {target} exited with {cp.ExitCode}");
        }
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public long Count(string sql) => Convert.ToInt64(Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>All rows of a query, each as its column values (DBNull as null).</summary>
    public List<object?[]> Rows(string sql)
    {
        using var connection = Open();
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

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public List<string> Columns(string table) =>
        Rows($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid").Select(r => (string)r[0]!).ToList();

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; a failing dispose would hide the real result.
        }
    }
}
