using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Levity.Silo.Audit.Fluentd;
using Levity.Tests.Audit.Support;
using Levity.Tests.Security.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Levity.Tests.Security;

/// <summary>No password leaves in clear: not in the database, the logs (frame log included) or the Fluentd audit.</summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task PasswordsAndKeys_NeverInDatabaseLogsOrAudit()
    {
        const string First = "first-password:with-colon";
        const string Station = "vendor-station-secret-99";
        var second = Enumerable.Range(0x41, 20).Select(b => (byte)b).ToArray(); // "ABCDEFGHIJKLMNOPQRST"
        var log = new LogCapture();
        await using var fluentd = ForwardReceiver.Start();
        await using var server = await SecureServer.StartAsync(
            o =>
            {
                o.FluentdEndpoint = fluentd.Endpoint;
                o.OcppLogLevel = "INFO";
                o.LogLevel = "DEBUG";
            },
            s =>
            {
                s.AddSingleton<ILoggerProvider>(log);
                s.Configure<FluentdOptions>(f => f.InitialBackoff = TimeSpan.FromMilliseconds(20));
            });
        var databaseDirectory = Path.GetDirectoryName(server.Server.DatabasePath)!;
        await server.RegisterAsync("SEC-1", $$"""{"securityProfile":1,"password":"{{First}}"}""");

        await using (var cp = await server.ConnectAsync(server.Ws("SEC-1"), "SEC-1", First))
        {
            await cp.CallOkAsync("Heartbeat", new { });

            // The operator changes the password: the AuthorizationKey goes to the charger in clear, and nowhere else.
            var changing = server.Api.PostAsync(new Uri("/api/registry/SEC-1/password", UriKind.Relative), new StringContent($$"""{"passwordHex":"{{Convert.ToHexString(second)}}"}""", Encoding.UTF8, "application/json"));
            var change = await cp.NextServerCallAsync();
            await cp.SendRawAsync($$"""[3,"{{change[1]!.GetValue<string>()}}",{"status":"Accepted"}]""");
            Assert.Equal(HttpStatusCode.OK, (await changing).StatusCode);

            // A Grizzl-E answers GetConfiguration with its StationPassword in clear.
            var reading = server.Api.PostAsync(new Uri("/api/chargepoints/SEC-1/calls/GetConfiguration", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
            var get = await cp.NextServerCallAsync();
            await cp.SendRawAsync($$"""[3,"{{get[1]!.GetValue<string>()}}",{"configurationKey":[{"key":"StationPassword","readonly":false,"value":"{{Station}}"},{"key":"AuthorizationKey","readonly":true,"value":"{{Convert.ToHexString(second)}}"}]}]""");
            Assert.Equal(HttpStatusCode.OK, (await reading).StatusCode);
        }

        var events = await fluentd.WaitForAsync(e => e.Any(r => Equals(r["event"], "disconnect")) && e.Any(r => Equals(r["action"], "GetConfiguration") && Equals(r["dir"], "recv")));
        await server.Server.StopAsync();

        string[] secrets =
        [
            First,
            Convert.ToHexString(Encoding.UTF8.GetBytes(First)),
            Convert.ToBase64String(Encoding.UTF8.GetBytes("SEC-1:" + First)),
            Encoding.ASCII.GetString(second),
            Convert.ToHexString(second),
            Station,
        ];
        var audit = string.Join('\n', events.Select(e => Flatten(e.Record)));
        var files = string.Join('\n', Directory.GetFiles(databaseDirectory).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.Contains("ChangeConfiguration", audit, StringComparison.Ordinal);
        Assert.Contains("StationPassword", audit, StringComparison.Ordinal);
        Assert.Contains("ChangeConfiguration", log.AllText, StringComparison.Ordinal);
        Assert.Contains("pbkdf2-sha256$", files, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, audit, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, log.AllText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, files, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string Flatten(object? value) => value switch
    {
        Dictionary<object, object?> map => string.Join(' ', map.Select(kv => $"{kv.Key}={Flatten(kv.Value)}")),
        List<object?> items => string.Join(' ', items.Select(Flatten)),
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        JsonNode node => node.ToJsonString(),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
