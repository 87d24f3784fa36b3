using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Levity.Tests.Gateway;

public sealed class KeepAliveTests
{
    [Fact]
    public async Task PeerThatNeverAnswersPings_IsDisconnected()
    {
        await using var server = await GatewayServer.StartAsync(o =>
        {
            o.PingInterval = TimeSpan.FromMilliseconds(200);
            o.PongTimeout = TimeSpan.FromMilliseconds(300);
        });
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await tcp.ConnectAsync(IPAddress.Loopback, server.HttpBase.Port, timeout.Token);
        var stream = tcp.GetStream();
        var request = $"GET /ws/MUTE HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        await server.WaitConnectedAsync("MUTE");

        // Read (and ignore) the pings without ever answering: the server must give up on us.
        var buffer = new byte[1024];
        var sawPing = false;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                sawPing |= Array.IndexOf(buffer, (byte)0x89, 0, read) >= 0;
            }
        }
        catch (IOException)
        {
            // Reset by the server: also a disconnect.
        }

        Assert.False(timeout.IsCancellationRequested, "the server kept the silent peer");
        Assert.True(sawPing);
        await server.WaitDisconnectedAsync("MUTE");
    }
}
