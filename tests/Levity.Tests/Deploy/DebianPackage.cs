using System.Diagnostics;

namespace Levity.Tests.Deploy;

/// <summary>Runs deploy/package.sh and dpkg-deb as child processes.</summary>
internal static class DebianPackage
{
    /// <summary>Set to skip the package build (it publishes a self-contained Release build).</summary>
    public const string SkipVariable = "LEVITY_SKIP_PACKAGE_TEST";

    private static readonly Lazy<string?> Probe = new(FindProblem);

    /// <summary>The checkout this test assembly was built from (the folder holding Levity.sln).</summary>
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Why the package cannot be built here; null when it can.</summary>
    public static string? Problem => Probe.Value;

    /// <summary>Runs a program to its end; returns its exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string program, IEnumerable<string> arguments, TimeSpan limit, IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {limit}");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// The environment for a nested dotnet publish (null removes a variable): no MSBuild settings
    /// inherited from the test run, and no build servers left running that would hold the
    /// redirected output open.
    /// </summary>
    public static Dictionary<string, string?> BuildEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return environment;
    }

    private static string? FindProblem()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SkipVariable)))
        {
            return $"{SkipVariable} is set";
        }

        if (RepositoryRoot is null)
        {
            return "the repository (Levity.sln with deploy/package.sh) is not above the test assembly";
        }

        var dpkgDeb = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "dpkg-deb"))
            .FirstOrDefault(File.Exists);
        return dpkgDeb is null ? "no dpkg-deb found (Debian package dpkg)" : null;
    }

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Levity.sln")) && File.Exists(Path.Combine(directory.FullName, "deploy", "package.sh")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
