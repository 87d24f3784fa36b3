using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Levity.Grains.Interfaces.ChargePoints;
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

    private static async Task<string> HeartbeatAsync(WebSocket socket, string messageId)
    {
        await SendTextAsync(socket, $"[2,\"{messageId}\",\"Heartbeat\",{{}}]");
        return await ReceiveTextAsync(socket);
    }

    [Fact]
    public async Task Connect_OfferingOcpp16_NegotiatesOcpp16AndAnswersMessages()
    {
        await using var server = await GatewayServer.StartAsync();
        using var client = await ConnectAsync(server, "CP001", "ocpp1.6");

        Assert.Equal("ocpp1.6", client.SubProtocol);
        await server.WaitConnectedAsync("CP001");
        Assert.StartsWith("[3,\"1\",{\"currentTime\":", await HeartbeatAsync(client, "1"), StringComparison.Ordinal);
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
        Assert.Null((await server.WaitConnectedAsync("GRIZZLE1")).SubProtocol);
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

        Assert.False(server.Registry.TryGet("CP002", out _));
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
        using var first = await ConnectAsync(server, "CP001", "ocpp1.6");
        var firstSession = await server.WaitConnectedAsync("CP001");

        using var second = await ConnectAsync(server, "CP001", "ocpp1.6");
        var secondSession = await server.WaitConnectedAsync("CP001", after: firstSession.Generation);

        Assert.Equal("close:1008", await ReceiveTextAsync(first));
        // The replaced session's late cleanup leaves its successor current and connected.
        Assert.Same(secondSession, await server.WaitConnectedAsync("CP001"));
        Assert.StartsWith("[3,\"s1\",", await HeartbeatAsync(second, "s1"), StringComparison.Ordinal);
        var state = await server.Services.GetRequiredService<IGrainFactory>().GetGrain<IChargePointGrain>("CP001").GetState();
        Assert.True(state.IsConnected);
        Assert.Equal(secondSession.Generation, state.Connection!.Generation);
    }

    [Fact]
    public async Task OversizedMessage_RefusedAsTooLargeWithoutBuffering_SessionSurvives()
    {
        await using var server = await GatewayServer.StartAsync(levity: o => o.MaxFrameSize = 8 * 1024);
        using var client = await ConnectAsync(server, "CP001", "ocpp1.6");

        await SendTextAsync(client, "[2,\"big\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"" + new string('a', 100_000) + "\"}]");
        var refused = await ReceiveTextAsync(client);

        Assert.StartsWith("[4,\"big\",\"ProtocolError\",", refused, StringComparison.Ordinal);
        Assert.Contains("8192", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("incomplete", refused, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("[3,\"small\",", await HeartbeatAsync(client, "small"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedMessage_NoReadableMessageId_ClosedWith1009()
    {
        await using var server = await GatewayServer.StartAsync(levity: o => o.MaxFrameSize = 8 * 1024);
        using var client = await ConnectAsync(server, "CP001", "ocpp1.6");

        await SendTextAsync(client, new string(' ', 20_000) + "[2,\"late\",\"Heartbeat\",{}]");

        Assert.Equal("close:1009", await ReceiveTextAsync(client));
    }

    [Fact]
    public async Task LargeValidMessage_UnderTheDefaultLimit_IsAnswered()
    {
        await using var server = await GatewayServer.StartAsync();
        using var client = await ConnectAsync(server, "CP001", "ocpp1.6");
        var samples = string.Join(",", Enumerable.Range(0, 1_000).Select(i => $"{{\"timestamp\":\"2026-12-01T{i / 60 % 24:00}:{i % 60:00}:00Z\",\"sampledValue\":[{{\"value\":\"{i * 10}\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}},{{\"value\":\"16.0\",\"measurand\":\"Current.Import\",\"unit\":\"A\",\"phase\":\"L1\"}}]}}"));
        var frame = $"[2,\"mv\",\"MeterValues\",{{\"connectorId\":1,\"meterValue\":[{samples}]}}]";
        Assert.True(frame.Length > 100_000);

        await SendTextAsync(client, frame);

        Assert.Equal("[3,\"mv\",{}]", await ReceiveTextAsync(client));
    }

    [Fact]
    public async Task Watchdog_SilentCharger_IsDisconnected_TalkingOneStays()
    {
        var time = new FakeTimeProvider();
        await using var server = await GatewayServer.StartAsync(o => o.SilenceLimit = TimeSpan.FromSeconds(180), time);
        var watchdog = server.Services.GetServices<IHostedService>().OfType<SilenceWatchdog>().Single();
        using var silent = await ConnectAsync(server, "SILENT", "ocpp1.6");
        using var talking = await ConnectAsync(server, "TALKING", "ocpp1.6");
        await server.WaitConnectedAsync("SILENT");
        await server.WaitConnectedAsync("TALKING");

        time.Advance(TimeSpan.FromSeconds(170));
        Assert.StartsWith("[3,\"hi\",", await HeartbeatAsync(talking, "hi"), StringComparison.Ordinal);
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
        await server.WaitConnectedAsync("CP001");

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
