using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Levity.Tests.Support;

namespace Levity.Tests.Deploy;

/// <summary>
/// deploy/package.sh builds the linux-x64 package once; its contents are checked with dpkg-deb, its unit with systemd-analyze (where installed),
/// and the binary extracted from it runs --help and, started as a Type=notify service with the
/// shipped settings, reports ready and serves /healthz and /readyz.
/// </summary>
[Collection(DeployCollection.Name)]
public sealed class DebianPackageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("levity-deb-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [DebianPackageFact]
    public async Task PackageSh_Amd64_InstallsServiceUserConfigAndARunningBinary()
    {
        var deb = await BuildAsync();

        var info = await DpkgDebAsync("-I", deb);
        Assert.Contains("Package: levity", info, StringComparison.Ordinal);
        Assert.Contains("Architecture: amd64", info, StringComparison.Ordinal);
        var postinst = await DpkgDebAsync("-I", deb, "postinst");
        Assert.Contains("useradd --system", postinst, StringComparison.Ordinal);
        Assert.Contains("install -d -o levity -g levity -m 0750 /var/lib/levity", postinst, StringComparison.Ordinal);
        Assert.Equal("/etc/levity/levity.env", (await DpkgDebAsync("-I", deb, "conffiles")).Trim());

        var contents = await DpkgDebAsync("-c", deb);
        Assert.Contains("./usr/bin/levity -> ../lib/levity/levity", contents, StringComparison.Ordinal);
        Assert.Contains(" ./usr/lib/levity/levity\n", contents, StringComparison.Ordinal);
        Assert.Contains(" ./usr/lib/levity/libe_sqlite3.so\n", contents, StringComparison.Ordinal);
        Assert.Contains(" ./usr/lib/systemd/system/levity.service\n", contents, StringComparison.Ordinal);
        Assert.Contains(" ./etc/levity/levity.env\n", contents, StringComparison.Ordinal);
        Assert.Contains(" ./usr/share/doc/levity/copyright\n", contents, StringComparison.Ordinal);

        var root = Path.Combine(_directory, "root");
        await DpkgDebAsync("-x", deb, root);
        var unit = await File.ReadAllLinesAsync(Path.Combine(root, "usr/lib/systemd/system/levity.service"));
        foreach (var line in (string[])["Type=notify", "User=levity", "EnvironmentFile=/etc/levity/levity.env",
                     "ExecStart=/usr/bin/levity --db /var/lib/levity/levity.db", "Restart=on-failure", "StateDirectory=levity",
                     "ProtectSystem=strict", "ReadWritePaths=/var/lib/levity", "NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectHome=yes"])
        {
            Assert.Contains(line, unit);
        }

        await UnitVerifiesCleanAsync(unit, Path.Combine(root, "usr/bin/levity"));

        var levity = Path.Combine(root, "usr/bin/levity");
        var (helpExit, help, _) = await DebianPackage.RunAsync(levity, ["--help"], TimeSpan.FromSeconds(30));
        Assert.Equal(0, helpExit);
        Assert.Contains("--db", help, StringComparison.Ordinal);
        Assert.Contains("--metrics-port", help, StringComparison.Ordinal);

        await StartsAsNotifyServiceAndServesHealthzAsync(levity, Path.Combine(root, "etc/levity/levity.env"));
    }

    private async Task<string> BuildAsync()
    {
        var output = Path.Combine(_directory, "out");
        var (exitCode, stdout, stderr) = await DebianPackage.RunAsync(
            "bash", [Path.Combine(DebianPackage.RepositoryRoot!, "deploy", "package.sh"), "--arch", "amd64", "--out", output],
            TimeSpan.FromMinutes(10), DebianPackage.BuildEnvironment());
        Assert.True(exitCode == 0, $"package.sh exited {exitCode}:\n{stdout}\n{stderr}");
        var deb = Assert.Single(Directory.GetFiles(output, "levity_*_amd64.deb"));
        Assert.Equal(deb, stdout.Trim());
        return deb;
    }

    /// <summary>
    /// systemd's own check of the unit (unknown or misspelt directives, bad values), where
    /// systemd-analyze is installed; it insists that ExecStart exists, so a copy points at the
    /// extracted binary.
    /// </summary>
    private async Task UnitVerifiesCleanAsync(string[] unit, string levity)
    {
        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            return;
        }

        var copy = Path.Combine(_directory, "levity.service");
        await File.WriteAllLinesAsync(copy, unit.Select(line => line.Replace("/usr/bin/levity", levity, StringComparison.Ordinal)));
        var (exitCode, output, error) = await DebianPackage.RunAsync("/usr/bin/systemd-analyze", ["verify", "--man=no", copy], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0 && error.Trim().Length == 0, $"systemd-analyze verify exited {exitCode}:\n{output}\n{error}");
    }

    /// <summary>A shell that runs "$0" "$@" as its child, passes SIGTERM on and exits with the child's code.</summary>
    private const string ForwardTermAndWait = "\"$0\" \"$@\" & child=$!; trap 'kill -TERM $child' TERM; wait $child; wait $child";

    /// <summary>
    /// The extracted binary with the package's levity.env in its environment (ports given as
    /// flags, which win), started as systemd starts a Type=notify service: its parent is named
    /// systemd and NOTIFY_SOCKET names a datagram socket. READY=1 must come once it listens,
    /// STOPPING=1 on SIGTERM, then exit code 0.
    /// </summary>
    private async Task StartsAsNotifyServiceAndServesHealthzAsync(string levity, string envFile)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(envFile))
        {
            if (line.Length > 0 && !line.StartsWith('#') && line.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals)
            {
                environment[line[..equals]] = line[(equals + 1)..];
            }
        }

        Assert.Equal("9000", environment["LEVITY_PORT"]);
        Assert.Equal("9090", environment["LEVITY_METRICS_PORT"]);
        var socketPath = Path.Combine(_directory, "notify.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        environment["NOTIFY_SOCKET"] = socketPath;

        // Microsoft.Extensions.Hosting.Systemd recognises systemd by its parent's name.
        var systemd = Path.Combine(_directory, "systemd");
        File.CreateSymbolicLink(systemd, "/bin/sh");
        var (port, metricsPort, apiPort) = (Ports.Free(), Ports.Free(), Ports.Free());
        var start = new ProcessStartInfo(systemd)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var argument in (string[])["-c", ForwardTermAndWait, levity, "--host", "127.0.0.1", "--port", Text(port), "--metrics-port", Text(metricsPort), "--api-port", Text(apiPort), "--db", Path.Combine(_directory, "levity.db")])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var log = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Assert.Equal("READY=1", await ReceiveAsync(notify, log));

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            Assert.Equal("ok\n", await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/healthz")));
            Assert.Equal("ok\n", await http.GetStringAsync(new Uri($"http://127.0.0.1:{metricsPort}/readyz")));
            // Under systemd the log keeps --log-format (json by default): one JSON object per line.
            static bool ListeningInJson(string line) => line.StartsWith("{\"", StringComparison.Ordinal) && line.Contains("Levity listening on", StringComparison.Ordinal);
            var waited = Stopwatch.StartNew();
            while (!log.Any(ListeningInJson) && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }

            Assert.True(log.Any(ListeningInJson), "no JSON 'Levity listening on' line in:\n" + string.Join('\n', log));

            Assert.Equal(0, Sys.Kill(process.Id, Sys.SigTerm));
            Assert.Equal("STOPPING=1", await ReceiveAsync(notify, log));
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(exit.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    /// <summary>The next sd_notify datagram, e.g. READY=1.</summary>
    private static async Task<string> ReceiveAsync(Socket notify, IEnumerable<string> log)
    {
        var buffer = new byte[512];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var received = await notify.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, received).Trim();
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("no notification from levity within 60 s; its output:\n" + string.Join('\n', log));
        }
    }

    private static async Task<string> DpkgDebAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await DebianPackage.RunAsync("dpkg-deb", arguments, TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"dpkg-deb {string.Join(' ', arguments)} exited {exitCode}:\n{error}");
        return output;
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static class Sys
    {
        public const int SigTerm = 15;

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int signal);
    }
}
