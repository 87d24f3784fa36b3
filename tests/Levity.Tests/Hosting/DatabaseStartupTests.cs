using System.Net;
using System.Net.Sockets;
using Levity.Silo.Cli;
using Levity.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Levity.Tests.Hosting;

/// <summary>
/// The database is never silently replaced, shared or half-opened: the real process refuses a
/// file in use, read-only, damaged or not a database, and a port in use, with one line on stderr
/// and a documented exit code, before anything was created or migrated.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DatabaseStartupTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("levity-start-").FullName;

    private string Db => Path.Combine(_folder, "levity.db");

    [Fact]
    public async Task SecondLevity_OnTheSameFile_Exit3NamingIt_FirstKeepsServing()
    {
        using var first = await LevityProcess.StartAsync(Db);

        var (exitCode, _, errors) = await LevityCommand.RunAsync(_folder, unprivileged: false, "--port", "0", "--silo-port", "0", "--db", Db);

        Assert.Equal(LevityCli.ExitDatabase, exitCode);
        var line = Assert.Single(errors);
        Assert.Equal($"levity: database '{Db}' is in use by another Levity (or another program holding an exclusive lock on it); stop that one first.", line);
        await using var charger = await TestCharger.ConnectAsync(new Uri(first.WsBase, "/ws/CP-LOCK"));
        var boot = await charger.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E Smart" });
        Assert.Equal("Accepted", boot["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task NotADatabase_Exit3OneLineNamingIt_FileUntouched()
    {
        var text = "vendor log export, not a database\n"u8.ToArray();
        await File.WriteAllBytesAsync(Db, text);

        var (exitCode, _, errors) = await LevityCommand.RunAsync(_folder, unprivileged: false, "--port", "0", "--silo-port", "0", "--db", Db);

        Assert.Equal(LevityCli.ExitDatabase, exitCode);
        var line = Assert.Single(errors);
        Assert.StartsWith($"levity: database '{Db}' is not a SQLite database or is damaged (file is not a database)", line, StringComparison.Ordinal);
        Assert.Equal(text, await File.ReadAllBytesAsync(Db));
        Assert.Equal(["levity.db"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task DamagedDatabase_QuickCheckFails_Exit3OneLine()
    {
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE readings (id INTEGER PRIMARY KEY, v TEXT); " +
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO readings (v) SELECT printf('%.100c', 'x') FROM n;";
            command.ExecuteNonQuery();
        }

        // A b-tree page's header overwritten: the file still opens, only reading every page finds it.
        await using (var file = new FileStream(Db, FileMode.Open, FileAccess.Write))
        {
            file.Seek(4096 * 3, SeekOrigin.Begin);
            await file.WriteAsync(Enumerable.Repeat((byte)0xFF, 64).ToArray());
        }

        var (exitCode, _, errors) = await LevityCommand.RunAsync(_folder, unprivileged: false, "--port", "0", "--silo-port", "0", "--db", Db);

        Assert.Equal(LevityCli.ExitDatabase, exitCode);
        var line = Assert.Single(errors);
        Assert.StartsWith($"levity: database '{Db}' is damaged (SQLite quick check: ", line, StringComparison.Ordinal);
        Assert.EndsWith("restore it from a backup.", line, StringComparison.Ordinal);
    }

    [UnprivilegedFact]
    public async Task ReadOnlyFile_RefusedAtStart_Exit3_NothingWritten()
    {
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('before');";
            command.ExecuteNonQuery();
        }

        var before = await File.ReadAllBytesAsync(Db);
        // The folder is writable by anyone (the unprivileged user could create -wal and -shm); the file is not.
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(Db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (exitCode, _, errors) = await LevityCommand.RunAsync(_folder, unprivileged: true, "--port", "0", "--silo-port", "0", "--db", Db);

        Assert.Equal(LevityCli.ExitDatabase, exitCode);
        Assert.Equal($"levity: database '{Db}' is read-only for this user.", Assert.Single(errors));
        Assert.Equal(before, await File.ReadAllBytesAsync(Db));
    }

    [UnprivilegedFact]
    public async Task NewDatabase_InAFolderNotWritable_Exit3_NothingCreated()
    {
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var (exitCode, _, errors) = await LevityCommand.RunAsync(_folder, unprivileged: true, "--port", "0", "--silo-port", "0", "--db", Db);

        Assert.Equal(LevityCli.ExitDatabase, exitCode);
        Assert.Equal($"levity: database '{Db}' cannot be created: its folder is not writable by this user.", Assert.Single(errors));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task PortInUse_Exit4OneLineNamingIt_DatabaseNotCreated()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exitCode, _, errors) = await LevityCommand.RunAsync(_folder, unprivileged: false, "--host", "127.0.0.1", "--port", port, "--silo-port", "0", "--db", Db);

        Assert.Equal(LevityCli.ExitListen, exitCode);
        Assert.Equal($"levity: --port: port {port} on 127.0.0.1 is already in use (another Levity, or another server?).", Assert.Single(errors));
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task HostNotOnThisMachine_Exit4OneLine_DatabaseNotCreated()
    {
        // TEST-NET-1 (RFC 5737): reserved for documentation, never an address of a real machine.
        var (exitCode, _, errors) = await LevityCommand.RunAsync(_folder, unprivileged: false, "--host", "192.0.2.1", "--port", "0", "--silo-port", "0", "--db", Db);

        Assert.Equal(LevityCli.ExitListen, exitCode);
        Assert.Equal("levity: --host: 192.0.2.1 is not an address of this machine.", Assert.Single(errors));
        Assert.False(File.Exists(Db));
    }

    [Theory]
    [InlineData("--port", "abc", "levity: --port: 'abc' is not a port number (0-65535).")]
    [InlineData("--response-timeout", "soon", "levity: --response-timeout: 'soon' is not a number of seconds, such as 30.")]
    [InlineData("--max-frame-size", "1.5", "levity: --max-frame-size: '1.5' is not a whole number of bytes (1024-67108864).")]
    public async Task NumericFlag_NotANumber_Exit2NamingTheExpectedForm(string flag, string value, string expected)
    {
        var (exitCode, _, errors) = await LevityCommand.RunAsync(_folder, unprivileged: false, "--db", Db, flag, value);

        Assert.Equal(LevityCli.ExitUsage, exitCode);
        Assert.Equal([expected, "Run 'levity --help' for the list of options."], errors);
        Assert.False(File.Exists(Db));
    }

    public void Dispose()
    {
        log.WriteLine($"folder: {_folder}");
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
