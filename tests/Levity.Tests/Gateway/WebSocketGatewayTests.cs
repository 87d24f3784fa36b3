using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Levity.Silo.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Levity.Tests.Gateway;

public sealed class WebSocketGatewayTests
{
    private static readonly CancellationToken Timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static async Task<ClientWebSocket> ConnectAsync(GatewayServer server, string id, params string[] subProtocols)
    {
        var client = new ClientWebSocket();
        foreach (var p in subProtocols)
        {
            client.Options.AddSubProtocol(p);
        }

        await client.ConnectAsync(server.ChargerUri(id), Timeout);
        return client;
    }

    private static async Task<string> ReceiveTextAsync(WebSocket socket)
    {
        var buffer = new byte[256 * 1024];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), Timeout);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return $"close:{(int?)socket.CloseStatus}";
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
    }

    private static Task SendTextAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, Timeout);

    [Fact]
    public async Task Connect_OfferingOcpp16_NegotiatesOcpp16AndRoutesMessages()
    {
        await using var server = await GatewayServer.StartAsync();
        using var client = await ConnectAsync(server, "CP001", "ocpp1.6");

        Assert.Equal("ocpp1.6", client.SubProtocol);
        Assert.StartsWith("connect CP001", await server.Handler.NextAsync(), StringComparison.Ordinal);
        await SendTextAsync(client, "[2,\"1\",\"Heartbeat\",{}]");
        Assert.Equal("echo:[2,\"1\",\"Heartbeat\",{}]", await ReceiveTextAsync(client));
    }

    [Fact]
    public async Task Connect_OfferingSeveralIncludingOcpp16_PicksOcpp16()
    {
        await using var server = await GatewayServer.StartAsync();
        using var client = await ConnectAsync(server, "CP001", "ocpp2.0.1", "ocpp1.6");

        Assert.Equal("ocpp1.6", client.SubProtocol);
    }

    [Fact]
    public async Task Connect_OfferingNoSubprotocol_AnswersWithoutProtocolHeader()
    {
        await using var server = await GatewayServer.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.HttpBase.Port, Timeout);
        var stream = tcp.GetStream();
        var request = $"GET /ws/GRIZZLE1 HTTP/1.1\r\nHost: 127.0.0.1:{server.HttpBase.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Timeout);

        var head = await ReadHttpHeadAsync(stream);

        Assert.StartsWith("HTTP/1.1 101", head, StringComparison.Ordinal);
        Assert.DoesNotContain("Sec-WebSocket-Protocol", head, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("connect GRIZZLE1", await server.Handler.NextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_OfferingOnlyOtherSubprotocols_IsClosedAtOnce()
    {
        await using var server = await GatewayServer.StartAsync();
        using var client = new ClientWebSocket();
        client.Options.AddSubProtocol("ocpp2.0.1");

        // The handshake completes without a protocol header, which a strict client refuses;
        // a lenient one sees an immediate close with ProtocolError.
        try
        {
            await client.ConnectAsync(server.ChargerUri("CP002"), Timeout);
            Assert.Equal("close:1002", await ReceiveTextAsync(client));
        }
        catch (WebSocketException)
        {
            Assert.NotEqual(WebSocketState.Open, client.State);
        }

        Assert.False(server.Services.GetRequiredService<ChargerSessionRegistry>().TryGet("CP002", out _));
    }

    [Theory]
    [InlineData("/ws/", HttpStatusCode.NotFound)]
    [InlineData("/other/CP001", HttpStatusCode.NotFound)]
    [InlineData("/ws/CP001/extra", HttpStatusCode.NotFound)]
    [InlineData("/ws/a%20b", HttpStatusCode.BadRequest)]
    [InlineData("/ws/0123456789012345678901234567890123456789012345678", HttpStatusCode.BadRequest)]
    [InlineData("/ws/CP001", HttpStatusCode.UpgradeRequired)]
    public async Task Handshake_BadPathOrPlainHttp_Refused4xxBeforeUpgrade(string path, HttpStatusCode expected)
    {
        await using var server = await GatewayServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.HttpBase };

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Timeout);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Connect_IdAt48Characters_Accepted()
    {
        await using var server = await GatewayServer.StartAsync();
        using var client = await ConnectAsync(server, new string('x', 48), "ocpp1.6");

        Assert.Equal(WebSocketState.Open, client.State);
    }

    [Fact]
    public async Task SecondConnection_SameId_ReplacesFirstWithoutClobberingIt()
    {
        await using var server = await GatewayServer.StartAsync();
        var registry = server.Services.GetRequiredService<ChargerSessionRegistry>();
        using var first = await ConnectAsync(server, "CP001", "ocpp1.6");
        var connectFirst = await server.Handler.NextAsync();

        using var second = await ConnectAsync(server, "CP001", "ocpp1.6");
        var connectSecond = await server.Handler.NextAsync();

        Assert.Contains("replaced=", connectSecond, StringComparison.Ordinal);
        Assert.DoesNotContain("replaced= ", connectSecond + " ", StringComparison.Ordinal);
        Assert.Equal("close:1008", await ReceiveTextAsync(first));
        Assert.Contains("current=False", await server.Handler.NextAsync(), StringComparison.Ordinal);
        Assert.True(registry.TryGet("CP001", out var current));
        Assert.True(current.Generation > long.Parse(connectFirst.Split("gen=")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));

        await SendTextAsync(second, "still here");
        Assert.Equal("echo:still here", await ReceiveTextAsync(second));
    }

    [Fact]
    public async Task OversizedFrame_IsDiscardedNotBuffered_SessionSurvives()
    {
        await using var server = await GatewayServer.StartAsync(o => o.MaxFrameBytes = 8 * 1024);
        using var client = await ConnectAsync(server, "CP001", "ocpp1.6");
        await server.Handler.NextAsync();

        await SendTextAsync(client, "[2,\"big\",\"DataTransfer\",{\"data\":\"" + new string('a', 100_000) + "\"}]");
        Assert.Equal("echo:truncated:8192", await ReceiveTextAsync(client));

        await SendTextAsync(client, "small");
        Assert.Equal("echo:small", await ReceiveTextAsync(client));
    }

    [Fact]
    public async Task Watchdog_SilentCharger_IsDisconnected_TalkingOneStays()
    {
        var time = new FakeTimeProvider();
        await using var server = await GatewayServer.StartAsync(o => o.SilenceLimit = TimeSpan.FromSeconds(180), time);
        var watchdog = server.Services.GetServices<IHostedService>().OfType<SilenceWatchdog>().Single();
        using var silent = await ConnectAsync(server, "SILENT", "ocpp1.6");
        using var talking = await ConnectAsync(server, "TALKING", "ocpp1.6");

        time.Advance(TimeSpan.FromSeconds(170));
        await SendTextAsync(talking, "hi");
        Assert.Equal("echo:hi", await ReceiveTextAsync(talking));
        Assert.Equal(0, watchdog.CheckOnce());

        // The watchdog's own periodic sweep (on the same clock) runs as the time passes the limit.
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal("close:1008", await ReceiveTextAsync(silent));
        Assert.Equal(0, watchdog.CheckOnce());
        Assert.Equal(WebSocketState.Open, talking.State);
    }

    [Fact]
    public async Task Shutdown_ClosesSessionsWithGoingAway()
    {
        var server = await GatewayServer.StartAsync();
        using var client = await ConnectAsync(server, "CP001", "ocpp1.6");
        await server.Handler.NextAsync();

        var stopping = server.DisposeAsync();
        Assert.Equal("close:1001", await ReceiveTextAsync(client));
        await stopping;
    }

    private static async Task<string> ReadHttpHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        var length = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), Timeout);
            Assert.NotEqual(0, read);
            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }
}
