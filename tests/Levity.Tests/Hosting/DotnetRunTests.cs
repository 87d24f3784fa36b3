using System.Diagnostics;
using System.Globalization;
using Levity.Tests.Support;

namespace Levity.Tests.Hosting;

/// <summary>The README's run command keeps the database in the folder it is typed in, never inside src/.</summary>
public sealed class DotnetRunTests
{
    [Fact]
    public async Task DotnetRunProject_DefaultDatabase_InTheCallersFolder()
    {
        var repository = RepositoryRoot();
        var project = Path.Combine(repository, "src", "Levity.Silo");
        var insideSource = Path.Combine(project, "levity.db");
        var wasInsideSource = File.Exists(insideSource);
        var folder = Directory.CreateTempSubdirectory("levity-run-").FullName;
        var port = Ports.Free();
        // The test project's build output says which configuration was built; run that one, unbuilt.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["run", "--no-build", "-c", configuration, "--project", project, "--", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--silo-port", "0"])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitHealthyAsync(process, port);

            Assert.True(File.Exists(Path.Combine(folder, "levity.db")));
            Assert.Equal(wasInsideSource, File.Exists(insideSource));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WaitHealthyAsync(Process process, int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            Assert.False(process.HasExited, $"dotnet run exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), timeout.Token)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!timeout.IsCancellationRequested)
            {
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Levity.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"Levity.sln not found above {AppContext.BaseDirectory}");
    }
}
