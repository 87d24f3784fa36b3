using System.Net;
using System.Text.RegularExpressions;
using Levity.Tests.Security.Support;
using static Levity.Tests.Client.CliRun;

namespace Levity.Tests.Client;

/// <summary><c>levity cp add|set-password|remove|list</c> against a real server.</summary>
public sealed class ChargePointRegistryCliTests(SecureServerFixture fixture) : IClassFixture<SecureServerFixture>
{
    private readonly SecureServer _server = fixture.Server;

    private string Url => _server.Api.BaseAddress!.ToString();

    [Fact]
    public async Task Add_Profile1WithoutPassword_GeneratedPasswordShownOnceAndAccepted_ListShowsProfile()
    {
        var (exit, output, error) = await Run("cp", "add", "CLI-REG1", "--profile", "1", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Registered CLI-REG1 at security profile 1.", output, StringComparison.Ordinal);
        var password = Regex.Match(output, @"Password \(shown only now\): (\S+)").Groups[1].Value;
        Assert.Equal(24, password.Length);
        await using (var cp = await _server.ConnectAsync(_server.Ws("CLI-REG1"), "CLI-REG1", password))
        {
            await cp.CallOkAsync("Heartbeat", new { });
        }

        var (_, list, _) = await Run("cp", "list", "--url", Url);
        var lines = Lines(list);
        Assert.Contains("PROFILE", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines, l => l.StartsWith("CLI-REG1 ", StringComparison.Ordinal));
        Assert.Equal(["1", "operator"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2..]);
        Assert.DoesNotContain(password, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetPassword_ConnectedChargerAccepts_Exit0AndNewPasswordWorks()
    {
        Assert.Equal(0, (await Run("cp", "add", "CLI-REG2", "--profile", "1", "--password", "old-password-0123456", "--url", Url)).Exit);
        await using (var cp = await _server.ConnectAsync(_server.Ws("CLI-REG2"), "CLI-REG2", "old-password-0123456"))
        {
            // Answered once the session has told the grain it is connected.
            await cp.CallOkAsync("Heartbeat", new { });
            var running = Run("cp", "set-password", "CLI-REG2", "--password", "new-password-0123456", "--url", Url);
            var call = await cp.NextServerCallAsync();
            await cp.SendRawAsync($$"""[3,"{{call[1]!.GetValue<string>()}}",{"status":"Accepted"}]""");
            var (exit, output, error) = await running;

            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, error);
            Assert.Contains("the charger accepted the new AuthorizationKey", output, StringComparison.Ordinal);
        }

        await using var renewed = await _server.ConnectAsync(_server.Ws("CLI-REG2"), "CLI-REG2", "new-password-0123456");
        await renewed.CallOkAsync("Heartbeat", new { });
    }

    [Fact]
    public async Task SetPassword_ConnectedChargerRejects_Exit1OldPasswordKept()
    {
        Assert.Equal(0, (await Run("cp", "add", "CLI-REG3", "--profile", "1", "--password", "old-password-0123456", "--url", Url)).Exit);
        await using (var cp = await _server.ConnectAsync(_server.Ws("CLI-REG3"), "CLI-REG3", "old-password-0123456"))
        {
            // Answered once the session has told the grain it is connected.
            await cp.CallOkAsync("Heartbeat", new { });
            var running = Run("cp", "set-password", "CLI-REG3", "--password", "new-password-0123456", "--url", Url);
            var call = await cp.NextServerCallAsync();
            await cp.SendRawAsync($$"""[3,"{{call[1]!.GetValue<string>()}}",{"status":"Rejected"}]""");
            var (exit, _, error) = await running;

            Assert.Equal(1, exit);
            Assert.Contains("Rejected", error, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await _server.RefusedAsync(_server.Ws("CLI-REG3"), "CLI-REG3", "new-password-0123456"));
    }

    [Fact]
    public async Task Remove_RegisteredThenUnknown()
    {
        Assert.Equal(0, (await Run("cp", "add", "CLI-REG4", "--url", Url)).Exit);

        var (exit, output, _) = await Run("cp", "remove", "CLI-REG4", "--url", Url);
        var again = await Run("cp", "remove", "CLI-REG4", "--url", Url);

        Assert.Equal(0, exit);
        Assert.Contains("Removed the registration of CLI-REG4.", output, StringComparison.Ordinal);
        Assert.Equal(1, again.Exit);
        Assert.Contains("not registered", again.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--profile", "4")]
    [InlineData("--password", "x", "--password-hex", "00")]
    public async Task Add_BadArguments_Exit2(params string[] arguments)
    {
        var (exit, _, _) = await Run(["cp", "add", "CLI-REG5", .. arguments, "--url", Url]);

        Assert.Equal(2, exit);
    }
}
