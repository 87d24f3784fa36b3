using System.Diagnostics;

namespace Levity.Tests.Audit.Support;

/// <summary>
/// The reference decoder: Python's msgpack (Debian python3-msgpack, installed by .ci/run), run
/// as <c>$LEVITY_PYTHON</c> or /usr/bin/python3. Tests skip, with the reason, where it is absent.
/// </summary>
internal static class PythonMsgpack
{
    private static readonly Lazy<Task<(string? Python, string? Problem)>> Probe = new(FindPythonAsync);

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/>; returns its standard output, fails the test on a non-zero exit.</summary>
    /// <exception cref="SkipException">python3-msgpack cannot be used here.</exception>
    public static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var (python, problem) = await Probe.Value;
        if (python is null)
        {
            throw new SkipException(problem!);
        }

        var (code, output, error) = await ExecAsync(python, ["-c", script, .. arguments]);
        Assert.True(code == 0, $"python exited {code}: {error}");
        return output;
    }

    private static async Task<(string? Python, string? Problem)> FindPythonAsync()
    {
        var candidate = Environment.GetEnvironmentVariable("LEVITY_PYTHON");
        if (string.IsNullOrWhiteSpace(candidate))
        {
            candidate = "/usr/bin/python3";
        }

        try
        {
            var (code, _, error) = await ExecAsync(candidate, ["-c", "import msgpack"]);
            return code == 0
                ? (candidate, null)
                : (null, $"python3-msgpack is not importable with {candidate} (apt-get install python3-msgpack; .ci/run does): {error.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"no Python at {candidate} (set LEVITY_PYTHON, or install python3 and python3-msgpack): {e.Message}");
        }
    }

    private static async Task<(int Code, string Output, string Error)> ExecAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
