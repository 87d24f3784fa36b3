using System.Net;
using System.Net.Sockets;
using Levity.Tests.Support;
using static Levity.Tests.Client.CliRun;

namespace Levity.Tests.Client;

/// <summary>What every client command does about the connection: no server, a silent server, a token, bad options.</summary>
public sealed class ClientConnectionCliTests
{
    [Theory]
    [InlineData("cp", "list")]
    [InlineData("tx", "list")]
    [InlineData("idtag", "list")]
    public async Task NothingListening_Exit3_ConnectionRefused(string group, string command)
    {
        var url = $"http://127.0.0.1:{Ports.Free()}";

        var (exit, output, error) = await Run(group, command, "--url", url);

        Assert.Equal(3, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"levity: cannot reach the Levity API at {url} (connection refused); is the server running with --api-port?" + Environment.NewLine, error);
    }

    [Fact]
    public async Task ServerNeverAnswers_Exit3_AfterTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        // Accepts the connection and reads nothing back: the request hangs until --timeout.
        var accepting = silent.AcceptSocketAsync();

        var (exit, _, error) = await Run("cp", "list", "--url", $"http://127.0.0.1:{port}", "--timeout", "0.5");

        Assert.Equal(3, exit);
        Assert.Contains("no answer within 0.5 s; see --timeout", error, StringComparison.Ordinal);
        (await accepting).Dispose();
    }

    [Fact]
    public async Task TokenRequired_WithoutIt_Exit1_SaysHowToPassIt_WithIt_Exit0()
    {
        var apiPort = Ports.Free();
        await using var server = await LevityTestServer.StartAsync(configure: o =>
        {
            o.ApiPort = apiPort;
            o.ApiToken = "s3cret";
        });
        var url = $"http://127.0.0.1:{apiPort}";

        var without = await Run("cp", "list", "--url", url);
        var wrong = await Run("cp", "list", "--url", url, "--api-token", "guess");
        var with = await Run("cp", "list", "--url", url, "--api-token", "s3cret");

        Assert.Equal(1, without.Exit);
        Assert.Equal("levity: A valid bearer token is required. (HTTP 401); pass --api-token or set LEVITY_API_TOKEN" + Environment.NewLine, without.Err);
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("(HTTP 401)", wrong.Err, StringComparison.Ordinal);
        Assert.Equal(0, with.Exit);
        Assert.Equal(string.Empty, with.Err);
    }

    [Theory]
    [InlineData("cp", "show")]
    [InlineData("cp", "call", "CP1")]
    [InlineData("cp", "list", "--url", "ftp://example.org")]
    [InlineData("cp", "list", "--url", "not a url")]
    [InlineData("cp", "list", "--timeout", "0")]
    [InlineData("cp", "list", "--timeout", "soon")]
    [InlineData("cp", "list", "extra")]
    [InlineData("tx", "show", "forty-two")]
    [InlineData("tx", "list", "--active", "--closed")]
    [InlineData("tx", "list", "--limit", "0")]
    [InlineData("idtag", "set", "TAG", "--status", "Maybe")]
    [InlineData("cp", "reboot")]
    public async Task BadUsage_Exit2_BeforeAnyRequest(params string[] args)
    {
        // Nothing listens on the URL: a request would make it exit 3, not 2.
        var (exit, output, error) = await Run([.. args, .. args.Contains("--url") ? [] : (string[])["--url", $"http://127.0.0.1:{Ports.Free()}"]]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("levity: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tx", "list", "--from", "yesterday-ish")]
    [InlineData("idtag", "set", "TAG", "--expiry", "someday")]
    public async Task BadDate_Exit2_NamesTheOption(params string[] args)
    {
        var (exit, _, error) = await Run([.. args, "--url", $"http://127.0.0.1:{Ports.Free()}"]);

        Assert.Equal(2, exit);
        Assert.Contains(args[^2], error, StringComparison.Ordinal);
        Assert.Contains("must be a date", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cp")]
    [InlineData("tx")]
    [InlineData("idtag")]
    public async Task GroupHelp_ListsConnectionOptionsAndExitCodes(string group)
    {
        var (exit, output, _) = await Run(group, "--help");

        Assert.Equal(0, exit);
        foreach (var expected in (string[])["--url", "--api-token", "--timeout", "--json", "LEVITY_API_URL", "LEVITY_API_TOKEN", "Exit codes: 0 success; 1", "3 the server is unreachable"])
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
    }
}
