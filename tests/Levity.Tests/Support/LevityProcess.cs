using System.Diagnostics;

namespace Levity.Tests.Support;

/// <summary>The real `levity` executable as a child process (for SIGKILL and SIGTERM tests).</summary>
internal sealed class LevityProcess : IDisposable
{
    private readonly Process _process;

    private LevityProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri WsBase => new($"ws://127.0.0.1:{Port}/");

    public int Id => _process.Id;

    /// <summary>Standard output, one entry a line (the log).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    public static Task<LevityProcess> StartAsync(string databasePath, params string[] extraArgs) =>
        StartWithFrameLogAsync(databasePath, "WARNING", extraArgs);

    /// <summary>Starts the real process; <paramref name="ocppLogLevel"/> sets --ocpp-log-level (the frame log).</summary>
    public static async Task<LevityProcess> StartWithFrameLogAsync(string databasePath, string ocppLogLevel, params string[] extraArgs)
    {
        var port = Ports.Free();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "levity.dll"), "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silo-port", "0", "--db", databasePath, "--log-level", "WARNING", "--ocpp-log-level", ocppLogLevel, .. extraArgs])
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        var levity = new LevityProcess(process, port);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                levity.Output.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await levity.WaitHealthyAsync();
        return levity;
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"levity exited with code {_process.ExitCode} during start");
            }

            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/healthz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("levity did not become healthy within 60 s");
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM; returns the exit code and how long the process took to exit.</summary>
    public async Task<(int ExitCode, TimeSpan Took)> TerminateAsync()
    {
        var started = Stopwatch.StartNew();
        _ = Sys.Kill(_process.Id, Sys.SigTerm);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return (_process.ExitCode, started.Elapsed);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static class Sys
    {
        public const int SigTerm = 15;

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int signal);
    }
}
