using System.Diagnostics;

namespace Levity.Tests.Support;

/// <summary>
/// The real `levity` executable run to its exit (start-up failures, one-shot commands), optionally
/// as an unprivileged user: root writes read-only files, so permission tests drop to nobody.
/// </summary>
public static class LevityCommand
{
    private const int Nobody = 65534;

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "levity.dll");

    /// <summary>Null when tests can run levity without write permission overrides; otherwise why not.</summary>
    public static string? UnprivilegedUnavailable()
    {
        if (!IsRoot())
        {
            return null;
        }

        if (!File.Exists("/usr/bin/setpriv"))
        {
            return "running as root and setpriv (util-linux) is missing: cannot drop to an unprivileged user";
        }

        // The build output must be readable by nobody (a checkout under /root is not).
        using var probe = Process.Start(new ProcessStartInfo("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "test", "-r", Dll]) { UseShellExecute = false })!;
        probe.WaitForExit();
        return probe.ExitCode == 0 ? null : $"running as root and {Dll} is not readable by user nobody";
    }

    public static bool IsRoot() => Environment.IsPrivilegedProcess;

    /// <summary>Runs levity with <paramref name="args"/> until it exits (at most 60 s).</summary>
    internal static async Task<(int ExitCode, string Output, string[] ErrorLines)> RunAsync(string workingDirectory, bool unprivileged, params string[] args)
    {
        var dropPrivileges = unprivileged && IsRoot();
        var info = new ProcessStartInfo(dropPrivileges ? "/usr/bin/setpriv" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (dropPrivileges)
        {
            foreach (var arg in (string[])[$"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "dotnet"])
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["HOME"] = workingDirectory;
            info.Environment["DOTNET_CLI_HOME"] = workingDirectory;
        }

        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"levity {string.Join(' ', args)} did not exit within 60 s");
        }

        return (process.ExitCode, await output, (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
