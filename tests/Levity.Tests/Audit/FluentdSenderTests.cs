using System.Net;
using System.Net.Sockets;
using System.Text;
using Levity.Silo.Audit;
using Levity.Tests.Audit.Support;
using MessagePack;
using Microsoft.Extensions.Time.Testing;

namespace Levity.Tests.Audit;

/// <summary>The sender against an in-test Fluentd over real loopback TCP.</summary>
public sealed class FluentdSenderTests
{
    private const int Connected = 600;
    private const int Unavailable = 601;
    private const int Abandoned = 604;
    private const int Flushed = 605;

    [Fact]
    public async Task Send_RecordsOfSeveralTags_OnePackedForwardMessagePerTag()
    {
        await using var fluentd = ForwardReceiver.Start();
        await using var audit = await SenderHarness.StartAsync(fluentd.Port, o => o.TagPrefix = "site7");
        audit.Sink.Connection("CP1", connected: true, "10.1.2.3:40000");
        Frame(audit, "CP1", AuditDirection.Received, """[2,"1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]""");
        Frame(audit, "CP1", AuditDirection.Sent, """[3,"1",{"status":"Accepted","currentTime":"2026-11-01T12:00:00.000Z","interval":60}]""");
        Frame(audit, "CP1", AuditDirection.Received, """[2,"2","Heartbeat",{}]""");

        var events = await fluentd.WaitForAsync(e => e.Count >= 4);
        await audit.StopAsync();

        // Grouping by tag keeps this order however the sender happened to batch them.
        Assert.Equal(["site7.websocket", "site7.boot", "site7.boot", "site7.heartbeat"], events.Select(e => e.Tag));
        Assert.All(fluentd.Messages, m =>
        {
            Assert.Equal("PackedForward", m.Mode);
            Assert.Equal(m.Events, m.Size);
            Assert.Null(m.Chunk);
        });
        Assert.Equal(4, fluentd.Messages.Sum(m => m.Events));
        Assert.Equal(4, audit.Metrics.Sent);
        Assert.Equal(1, fluentd.Connections);
        Assert.True(audit.Log.Has(Flushed));
    }

    [Fact]
    public async Task Send_EventTime_SubSecondPrecisionFromTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));
        await using var fluentd = ForwardReceiver.Start();
        await using var audit = await SenderHarness.StartAsync(fluentd.Port, time: time);
        Frame(audit, "CP1", AuditDirection.Received, """[2,"1","Heartbeat",{}]""");

        var received = Assert.Single(await fluentd.WaitForAsync(e => e.Count >= 1));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), received.Seconds);
        Assert.Equal(123_456_700, received.Nanoseconds);
    }

    [Fact]
    public async Task RequireAck_EveryMessageHasAChunkAndIsCountedOnceAcked()
    {
        await using var fluentd = ForwardReceiver.Start();
        await using var audit = await SenderHarness.StartAsync(fluentd.Port, o => o.RequireAck = true);
        for (var i = 0; i < 50; i++)
        {
            Frame(audit, $"CP{i % 3}", AuditDirection.Received, $$"""[2,"{{i}}","MeterValues",{"connectorId":1,"meterValue":[]}]""");
        }

        await fluentd.WaitForAsync(e => e.Count >= 50);
        await audit.StopAsync();

        Assert.All(fluentd.Messages, m => Assert.True(m.Acked && m.Chunk is { Length: 24 }, $"chunk {m.Chunk}"));
        Assert.Equal(fluentd.Messages.Count, fluentd.Messages.Select(m => m.Chunk).Distinct().Count());
        Assert.Equal(50, audit.Metrics.Sent);
        Assert.Equal(0, audit.Metrics.Dropped);
    }

    [Fact]
    public async Task RequireAck_AckNeverCame_SameChunkResentAfterReconnect()
    {
        await using var fluentd = ForwardReceiver.Start(withholdAcks: 1);
        await using var audit = await SenderHarness.StartAsync(fluentd.Port, o => o.RequireAck = true);
        Frame(audit, "CP1", AuditDirection.Received, """[2,"1","Heartbeat",{}]""");

        await fluentd.WaitForAsync(e => e.Count >= 1);
        await audit.StopAsync();

        var messages = fluentd.Messages;
        Assert.Equal(2, messages.Count);
        Assert.False(messages[0].Acked);
        Assert.True(messages[1].Acked);
        Assert.Equal(messages[0].Chunk, messages[1].Chunk);
        Assert.Equal(messages[0].Raw, messages[1].Raw);
        Assert.Equal(2, fluentd.Connections);
        Assert.Equal(1, audit.Metrics.Sent);
        Assert.Equal(1, audit.Metrics.ConnectionFailures);
    }

    [Fact]
    public async Task RequireAck_AckSplitAcrossReadsAndExtraKeys_Understood()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        await using var audit = await SenderHarness.StartAsync(((IPEndPoint)listener.LocalEndpoint).Port, o => o.RequireAck = true);
        Frame(audit, "CP1", AuditDirection.Received, """[2,"1","Heartbeat",{}]""");

        using var peer = await listener.AcceptSocketAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var message = await ReadOneMessageAsync(peer);
        var chunk = ChunkOf(message);
        // {"note": [1, "x"], "ack": chunk}, one byte per send.
        var ack = new List<byte> { 0x82, 0xa4 };
        ack.AddRange("note"u8.ToArray());
        ack.AddRange([0x92, 0x01, 0xa1, (byte)'x', 0xa3]);
        ack.AddRange("ack"u8.ToArray());
        ack.Add((byte)(0xa0 | chunk.Length));
        ack.AddRange(Encoding.ASCII.GetBytes(chunk));
        foreach (var b in ack)
        {
            await peer.SendAsync(new[] { b }, SocketFlags.None);
        }

        // The flush waits for the ack it is reading byte by byte.
        await audit.StopAsync();
        Assert.Equal(1, audit.Metrics.Sent);
        Assert.Equal(0, audit.Metrics.ConnectionFailures);
    }

    [Fact]
    public async Task RequireAck_ResponseNotMessagePack_ConnectionDroppedAndChunkResent()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        await using var audit = await SenderHarness.StartAsync(((IPEndPoint)listener.LocalEndpoint).Port, o => o.RequireAck = true);
        Frame(audit, "CP1", AuditDirection.Received, """[2,"1","Heartbeat",{}]""");

        using var first = await listener.AcceptSocketAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var chunk = ChunkOf(await ReadOneMessageAsync(first));
        // 0xc1 is never used in MessagePack.
        await first.SendAsync(new byte[] { 0xc1 }, SocketFlags.None);

        using var second = await listener.AcceptSocketAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(chunk, ChunkOf(await ReadOneMessageAsync(second)));
        await second.SendAsync(MessagePackBytes.Of((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(1);
            w.Write("ack");
            w.Write(chunk);
        }), SocketFlags.None);

        await audit.StopAsync();
        Assert.Equal(1, audit.Metrics.Sent);
        Assert.Equal(1, audit.Metrics.ConnectionFailures);
    }

    [Fact]
    public async Task EndpointDownAtStart_RecordsBufferedThenDeliveredOnceUp()
    {
        var time = new FakeTimeProvider();
        var port = ForwardReceiver.FreePort();
        await using var audit = await SenderHarness.StartAsync(port, time: time);
        Frame(audit, "CP1", AuditDirection.Received, """[2,"1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]""");
        await audit.Log.WaitForAsync(Unavailable);
        Assert.Equal((0L, 0L), (audit.Metrics.Sent, audit.Metrics.Dropped));

        await using var fluentd = ForwardReceiver.Start(port);
        Frame(audit, "CP1", AuditDirection.Sent, """[3,"1",{"status":"Accepted","currentTime":"2026-11-01T12:00:00.000Z","interval":60}]""");
        time.Advance(audit.Options.InitialBackoff);

        var events = await fluentd.WaitForAsync(e => e.Count >= 2);
        Assert.Equal(["recv", "send"], events.Select(e => (string)e["dir"]!));
        Assert.True(audit.Log.Has(Connected));
        Assert.Equal(1, audit.Metrics.ConnectionFailures);
    }

    [Fact]
    public async Task FluentdNeverReads_ProducersNeverWaitOldestDroppedAndSenderReconnects()
    {
        await using var fluentd = ForwardReceiver.Start(neverRead: true);
        await using var audit = await SenderHarness.StartAsync(fluentd.Port, o =>
        {
            o.BufferBytes = 64 * 1024;
            o.MaxBatchRecords = 16;
            o.WriteTimeout = TimeSpan.FromMilliseconds(300);
        });
        var frame = Encoding.UTF8.GetBytes($$"""[2,"m","DataTransfer",{"vendorId":"x","data":"{{new string('d', 1000)}}"}]""");

        // Keep producing until the sender's write times out: the peer's window is a few KiB and
        // the socket buffer 512 KiB, so that takes a few MB, all taken without waiting.
        var stuck = audit.Log.WaitForAsync(Unavailable);
        for (var round = 0; round < 400 && !stuck.IsCompleted; round++)
        {
            for (var i = 0; i < 100; i++)
            {
                audit.Sink.Frame("CP1", AuditDirection.Received, frame);
            }

            await Task.WhenAny(stuck, Task.Delay(10));
        }

        await stuck;
        Assert.True(audit.Metrics.Dropped > 0, "the full buffer must shed records");
        Assert.True(audit.Buffer.Bytes <= 64 * 1024);
        await fluentd.WaitForConnectionsAsync(2);
        Assert.True(audit.Metrics.ConnectionFailures >= 1);
    }

    [Fact]
    public async Task Stop_BufferedRecords_DeliveredBeforeStopReturns()
    {
        await using var fluentd = ForwardReceiver.Start();
        await using var audit = await SenderHarness.StartAsync(fluentd.Port, o =>
        {
            o.RequireAck = true;
            o.MaxBatchRecords = 50;
        });
        for (var i = 0; i < 500; i++)
        {
            Frame(audit, "CP1", AuditDirection.Sent, $$"""[3,"{{i}}",{}]""");
        }

        await audit.StopAsync();

        // Acked means the receiver had them when StopAsync returned.
        Assert.True(fluentd.Events.Count == 500, $"{fluentd.Events.Count} events; log: {string.Join(" | ", audit.Log.Entries.Select(e => $"{e.EventId} {e.Message}"))}");
        Assert.Equal(500, audit.Metrics.Sent);
        Assert.True(audit.Log.Has(Flushed));
        Assert.False(audit.Log.Has(Abandoned));
    }

    [Fact]
    public async Task Stop_EndpointDown_GivesUpAfterFlushTimeoutAndCountsDropped()
    {
        await using var audit = await SenderHarness.StartAsync(ForwardReceiver.FreePort(), o => o.FlushTimeout = TimeSpan.FromMilliseconds(200));
        for (var i = 0; i < 10; i++)
        {
            Frame(audit, "CP1", AuditDirection.Received, """[2,"1","Heartbeat",{}]""");
        }

        await audit.Log.WaitForAsync(Unavailable);
        await audit.StopAsync();

        Assert.Equal(10, audit.Metrics.Dropped);
        Assert.Equal(0, audit.Metrics.Sent);
        Assert.Equal(0, audit.Buffer.Count);
        Assert.True(audit.Log.Has(Abandoned));
    }

    private static void Frame(SenderHarness audit, string chargePointId, AuditDirection direction, string frame) =>
        audit.Sink.Frame(chargePointId, direction, Encoding.UTF8.GetBytes(frame));

    private static string ChunkOf(List<object?> message) => (string)((Dictionary<object, object?>)message[2]!)["chunk"]!;

    private static async Task<List<object?>> ReadOneMessageAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            length += await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, timeout.Token);
            if (MsgPackDecoder.TryDecode(buffer.AsSpan(0, length), out var value, out _))
            {
                return (List<object?>)value!;
            }
        }
    }
}
