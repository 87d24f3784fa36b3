using Levity.Storage.Schema;
using Levity.Tests.Support;

namespace Levity.Tests.Storage;

/// <summary>Before migrations touch existing data, a consistent copy is saved beside the file, so an upgrade can be undone.</summary>
public sealed class MigrationBackupTests
{
    private const string Transactions = "SELECT * FROM tx ORDER BY id";

    [Fact]
    public async Task PythonDatabase_FirstStart_CopyOfTheUnmigratedFileSavedBeside()
    {
        using var database = TestDatabase.PythonSample();
        var original = database.Rows(Transactions);

        await using (await TestStore.StartAsync(database.Path))
        {
        }

        var backup = Assert.Single(Directory.GetFiles(database.Directory, "*.bak"));
        Assert.Equal(database.Path + ".v0-20261121T120000Z.bak", backup);
        Assert.Equal(0L, Db.Scalar(backup, "PRAGMA user_version"));
        Assert.Equal("delete", Db.Scalar(backup, "PRAGMA journal_mode"));
        Assert.Equal(original, Db.Query(backup, Transactions));
        Assert.Equal((long)MigrationCatalog.LatestVersion, database.Scalar("PRAGMA user_version"));
    }

    [Fact]
    public async Task CurrentDatabase_Restarted_NoCopy()
    {
        using var database = TestDatabase.Empty();
        await using (await TestStore.StartAsync(database.Path))
        {
        }

        await using (await TestStore.StartAsync(database.Path))
        {
        }

        Assert.Empty(Directory.GetFiles(database.Directory, "*.bak"));
    }
}
