using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Levity.Ocpp;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Sessions;
using Levity.Ocpp.Validation;
using Levity.Tests.Ocpp.Support;

namespace Levity.Tests.Ocpp.Framing;

public sealed class OcppFrameAssemblerTests
{
    [Fact]
    public void Advance_FragmentsWithinLimit_AssembleTheWholeMessage()
    {
        using var assembler = new OcppFrameAssembler(64 * 1024);
        var message = Encoding.UTF8.GetBytes($$"""[2,"1","DataTransfer",{"vendorId":"v","data":"{{new string('x', 10_000)}}"}]""");

        for (var offset = 0; offset < message.Length; offset += 1000)
        {
            var chunk = message.AsSpan(offset, Math.Min(1000, message.Length - offset));
            var target = assembler.GetReceiveBuffer();
            var count = Math.Min(chunk.Length, target.Length);
            chunk[..count].CopyTo(target.Span);
            Assert.Equal(offset + count >= message.Length, assembler.Advance(count, offset + count >= message.Length));
            offset -= chunk.Length - count;
        }

        Assert.False(assembler.IsOversized);
        Assert.Equal(message, assembler.Frame.ToArray());
    }

    [Theory]
    [InlineData(100, false)]
    [InlineData(101, true)]
    [InlineData(10_000, true)]
    public void Advance_MessageAroundTheLimit_OversizedOnlyBeyondIt(int length, bool oversized)
    {
        using var assembler = new OcppFrameAssembler(100);

        Fill(assembler, length);
        Assert.True(assembler.Advance(0, endOfMessage: true));

        Assert.Equal(oversized, assembler.IsOversized);
        Assert.Equal(length, assembler.MessageLength);
        Assert.Equal(Math.Min(length, 100), assembler.Frame.Length);
    }

    [Fact]
    public async Task Receive_OversizedMessageOverARealWebSocket_RefusedWithoutBufferingThenNextMessageWorks()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var accepted = await listener.AcceptTcpClientAsync();
        using var charger = WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false });
        using var server = WebSocket.CreateFromStream(accepted.GetStream(), new WebSocketCreationOptions { IsServer = true });
        var options = new OcppProtocolOptions();
        using var session = new OcppSession("CP-big", options, (_, _) => ValueTask.CompletedTask, TimeProvider.System, new OcppToleranceTracker(), new TestLogger<OcppSession>());
        using var assembler = new OcppFrameAssembler(options.MaxFrameBytes);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var huge = Encoding.UTF8.GetBytes($$"""[2,"huge-1","DataTransfer",{"vendorId":"v","data":"{{new string('x', 1_500_000)}}"}]""");
        var sending = Task.Run(async () =>
        {
            for (var offset = 0; offset < huge.Length; offset += 16_384)
            {
                var count = Math.Min(16_384, huge.Length - offset);
                await charger.SendAsync(huge.AsMemory(offset, count), WebSocketMessageType.Text, offset + count == huge.Length, timeout.Token);
            }

            await charger.SendAsync("""[2,"next-1","Heartbeat",{}]"""u8.ToArray(), WebSocketMessageType.Text, true, timeout.Token);
        });

        var first = await ReceiveOne(server, session, assembler, timeout.Token);
        Assert.Equal(huge.Length, assembler.MessageLength);
        Assert.True(assembler.Frame.Length <= options.MaxFrameBytes);
        assembler.Reset();
        var second = await ReceiveOne(server, session, assembler, timeout.Token);
        await sending;

        Assert.Equal(OcppInboundKind.Reply, first.Kind);
        var reply = Assert.IsType<OcppCallError>(OcppFrameParser.Parse(first.Reply).Frame);
        Assert.Equal("huge-1", reply.MessageId);
        Assert.Equal(OcppErrorCode.ProtocolError, reply.ErrorCode);
        Assert.Contains("1048576", reply.ErrorDescription, StringComparison.Ordinal);
        Assert.Equal(OcppInboundKind.Request, second.Kind);
        Assert.Equal("next-1", second.MessageId);
    }

    private static async Task<OcppInbound> ReceiveOne(WebSocket socket, OcppSession session, OcppFrameAssembler assembler, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(assembler.GetReceiveBuffer(), cancellationToken);
            if (assembler.Advance(result.Count, result.EndOfMessage))
            {
                return session.Receive(assembler);
            }
        }
    }

    private static int Fill(OcppFrameAssembler assembler, int count)
    {
        var filled = 0;
        while (filled < count)
        {
            var target = assembler.GetReceiveBuffer();
            var n = Math.Min(target.Length, count - filled);
            target.Span[..n].Fill((byte)'a');
            assembler.Advance(n, endOfMessage: false);
            filled += n;
        }

        return filled;
    }
}
