using System.Diagnostics;
using Levity.Silo.Cli;

namespace Levity.Tests.Hosting;

/// <summary>The database is never silently replaced: a --db in a folder that does not exist is refused.</summary>
public sealed class DatabasePathTests
{
    [Fact]
    public async Task Db_FolderMissing_Exit2OneLineNamingIt_NothingCreated()
    {
        var root = Directory.CreateTempSubdirectory("levity-db-").FullName;
        try
        {
            var missing = Path.Combine(root, "ssd-not-mounted");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "levity.dll"), "--port", "0", "--silo-port", "0", "--db", Path.Combine(missing, "levity.db")])
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Equal(LevityCli.ExitUsage, process.ExitCode);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(missing, line, StringComparison.Ordinal);
            Assert.StartsWith("levity: --db:", line, StringComparison.Ordinal);
            Assert.False(Directory.Exists(missing));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
