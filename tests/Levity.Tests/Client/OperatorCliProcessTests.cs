using System.Diagnostics;
using System.Text.Json.Nodes;
using Levity.Tests.Support;

namespace Levity.Tests.Client;

/// <summary>The real `levity` executable as a client of another real `levity` process.</summary>
public sealed class OperatorCliProcessTests : IAsyncLifetime
{
    private readonly int _apiPort = Ports.Free();
    private readonly string _directory = Directory.CreateTempSubdirectory("levity-cli-").FullName;
    private LevityProcess _server = null!;

    private string Url => $"http://127.0.0.1:{_apiPort}";

    public async Task InitializeAsync() =>
        _server = await LevityProcess.StartAsync(Path.Combine(_directory, "levity.db"), "--api-port", _apiPort.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task DisposeAsync()
    {
        _server.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<(int Exit, string Out, string Err)> Levity(string? stdin, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "levity.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The client must not pick up a developer's own settings.
        info.Environment.Remove("LEVITY_API_URL");
        info.Environment.Remove("LEVITY_API_TOKEN");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin ?? string.Empty);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task CpList_AsAProcess_PrintsTheCharger_Exit0()
    {
        await using var cp = await TestCharger.ConnectAsync(new Uri(_server.WsBase, "/ws/PROC1"));
        await cp.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E" });

        var (exit, output, error) = await Levity(null, "cp", "list", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var lines = CliRun.Lines(output);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("PROC1 ", StringComparison.Ordinal) && l.Contains("Grizzl-E", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CpCall_PayloadFromStdin_ReachesTheCharger()
    {
        await using var cp = await TestCharger.ConnectAsync(new Uri(_server.WsBase, "/ws/PROC2"));
        await cp.CallOkAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E" });

        var running = Levity("""{"type":"Soft"}""", "cp", "call", "PROC2", "Reset", "-", "--url", Url);
        var call = await cp.NextServerCallAsync(TimeSpan.FromSeconds(30));
        await cp.SendRawAsync($$"""[3,"{{call[1]!.GetValue<string>()}}",{"status":"Accepted"}]""");
        var (exit, output, error) = await running;

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"Soft"}"""), call[3]));
        Assert.Equal("Accepted", JsonNode.Parse(output)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ServerStopped_AsAProcess_Exit3()
    {
        _server.KillHard();

        var (exit, output, error) = await Levity(null, "cp", "list", "--url", Url);

        Assert.Equal(3, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("cannot reach the Levity API", error, StringComparison.Ordinal);
    }
}
