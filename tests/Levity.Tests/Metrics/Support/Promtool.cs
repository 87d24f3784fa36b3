using System.Diagnostics;

namespace Levity.Tests.Metrics.Support;

/// <summary>Prometheus' own checker (Debian package prometheus, installed by .ci/run), run as <c>$LEVITY_PROMTOOL</c> or promtool on PATH.</summary>
internal static class Promtool
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly Lazy<string?> Probe = new(FindProblem);

    public static string Executable
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("LEVITY_PROMTOOL");
            return string.IsNullOrWhiteSpace(configured) ? "promtool" : configured;
        }
    }

    /// <summary>Why promtool cannot be used here; null when it can.</summary>
    public static string? Problem => Probe.Value;

    /// <summary>Pipes <paramref name="exposition"/> into <c>promtool check metrics</c>; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition)
    {
        using var process = Start("check", "metrics");
        using var timeout = new CancellationTokenSource(Limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardInput.WriteAsync(exposition.AsMemory(), timeout.Token);
        process.StandardInput.Close();
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Runs <c>promtool</c> with <paramref name="arguments"/> and no input; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        using var timeout = new CancellationTokenSource(Limit);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Synchronous on purpose: it runs once, during test discovery.</summary>
    private static string? FindProblem()
    {
        try
        {
            using var process = Start("--version");
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            if (!process.WaitForExit(Limit))
            {
                process.Kill();
                return $"{Executable} did not answer within {Limit.TotalSeconds} s";
            }

            return process.ExitCode == 0 ? null : $"{Executable} --version exited {process.ExitCode}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"no promtool ({Executable}) found (apt-get install prometheus; .ci/run does)";
        }
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
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
