using System.Diagnostics;

namespace Levity.Tests.Audit.Support;

/// <summary>
/// The reference decoder: Python's msgpack (Debian python3-msgpack, installed by .ci/run), run
/// as <c>$LEVITY_PYTHON</c> or /usr/bin/python3.
/// </summary>
internal static class PythonMsgpack
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly Lazy<string?> Probe = new(FindProblem);

    public static string Python
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("LEVITY_PYTHON");
            return string.IsNullOrWhiteSpace(configured) ? "/usr/bin/python3" : configured;
        }
    }

    /// <summary>Why python3-msgpack cannot be used here; null when it can.</summary>
    public static string? Problem => Probe.Value;

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/>; returns its standard output, fails the test on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string script, params string[] arguments)
    {
        using var process = Start(["-c", script, .. arguments]);
        using var timeout = new CancellationTokenSource(Limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"python exited {process.ExitCode}: {await error}");
        return await output;
    }

    /// <summary>Synchronous on purpose: it runs once, during test discovery.</summary>
    private static string? FindProblem()
    {
        try
        {
            using var process = Start(["-c", "import msgpack"]);
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(Limit))
            {
                process.Kill();
                return $"{Python} did not answer within {Limit.TotalSeconds} s";
            }

            return process.ExitCode == 0
                ? null
                : $"python3-msgpack is not importable with {Python} (apt-get install python3-msgpack; .ci/run does): {error.Trim().Split('\n')[^1]}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"no Python at {Python} (set LEVITY_PYTHON, or install python3 and python3-msgpack)";
        }
    }

    private static Process Start(string[] arguments)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}
