using System.Text;
using Levity.Silo.Audit.Buffering;

namespace Levity.Tests.Audit;

public sealed class AuditBufferTests
{
    [Fact]
    public void TryTake_AfterAdds_FifoWithFramesAndMetadata()
    {
        var buffer = new AuditBuffer(1024, 16);
        Assert.Equal(0, buffer.Add(AuditEntryKind.Connected, 1, "CP1", "10.0.0.1:5000", []));
        Assert.Equal(0, Add(buffer, "CP1", "[2,\"a\",\"Heartbeat\",{}]", ticks: 2));
        Assert.Equal(0, Add(buffer, "CP2", "[3,\"a\",{}]", ticks: 3, AuditEntryKind.FrameSent));
        Assert.Equal(3, buffer.Count);

        var frame = new byte[1];
        Assert.True(buffer.TryTake(out var first, ref frame));
        Assert.Equal(new AuditEntry(AuditEntryKind.Connected, 1, "CP1", "10.0.0.1:5000", 0), first);
        Assert.True(buffer.TryTake(out var second, ref frame));
        Assert.Equal("[2,\"a\",\"Heartbeat\",{}]", Encoding.UTF8.GetString(frame, 0, second.FrameLength));
        Assert.Equal(AuditEntryKind.FrameReceived, second.Kind);
        Assert.True(buffer.TryTake(out var third, ref frame));
        Assert.Equal(("CP2", AuditEntryKind.FrameSent, 3L), (third.ChargePointId, third.Kind, third.UtcTicks));
        Assert.False(buffer.TryTake(out _, ref frame));
        Assert.Equal((0, 0), (buffer.Count, buffer.Bytes));
    }

    [Fact]
    public void Add_BytesFull_DropsOldestUntilTheNewFrameFits()
    {
        var buffer = new AuditBuffer(100, 64);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(0, Add(buffer, "CP", new string((char)('a' + i), 25)));
        }

        // 100 bytes used: a 60-byte frame pushes out the three oldest.
        Assert.Equal(3, Add(buffer, "CP", new string('z', 60)));
        Assert.Equal([new string('d', 25), new string('z', 60)], Drain(buffer));
    }

    [Fact]
    public void Add_EntriesFull_DropsOldestEvenWithoutFrameBytes()
    {
        var buffer = new AuditBuffer(1024, 3);
        for (var i = 0; i < 5; i++)
        {
            var dropped = buffer.Add(AuditEntryKind.Connected, i, $"CP{i}", null, []);
            Assert.Equal(i < 3 ? 0 : 1, dropped);
        }

        var frame = Array.Empty<byte>();
        var ids = new List<string>();
        while (buffer.TryTake(out var entry, ref frame))
        {
            ids.Add(entry.ChargePointId);
        }

        Assert.Equal(["CP2", "CP3", "CP4"], ids);
    }

    [Fact]
    public void Add_FrameLargerThanBuffer_DroppedAndOthersKept()
    {
        var buffer = new AuditBuffer(16, 8);
        Add(buffer, "CP", "keep");
        Assert.Equal(1, Add(buffer, "CP", new string('x', 17)));
        Assert.Equal(["keep"], Drain(buffer));
    }

    [Fact]
    public void TryTake_FramesWrappingTheRingEnd_ComeOutWhole()
    {
        var buffer = new AuditBuffer(64, 64);
        var expected = new List<string>();
        var random = new Random(7);
        var frame = new byte[4];
        for (var round = 0; round < 500; round++)
        {
            var text = new string((char)('a' + round % 26), random.Next(1, 40));
            expected.RemoveRange(0, Add(buffer, "CP", text));
            expected.Add(text);
            while (buffer.Bytes > 40)
            {
                Assert.True(buffer.TryTake(out var entry, ref frame));
                Assert.Equal(expected[0], Encoding.UTF8.GetString(frame, 0, entry.FrameLength));
                expected.RemoveAt(0);
            }
        }

        Assert.Equal(expected, Drain(buffer));
    }

    [Fact]
    public void Clear_ReturnsCountAndEmpties()
    {
        var buffer = new AuditBuffer(64, 8);
        Add(buffer, "CP", "one");
        Add(buffer, "CP", "two");
        Assert.Equal(2, buffer.Clear());
        Assert.Equal((0, 0), (buffer.Count, buffer.Bytes));
        Add(buffer, "CP", "three");
        Assert.Equal(["three"], Drain(buffer));
    }

    [Fact]
    public async Task WaitAsync_CompletesOnAddAndAtOnceWhenNotEmpty()
    {
        var buffer = new AuditBuffer(64, 8);
        var waiting = buffer.WaitAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        Add(buffer, "CP", "x");
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(buffer.WaitAsync(CancellationToken.None).AsTask().IsCompleted);
        Drain(buffer);
        using var cancel = new CancellationTokenSource();
        var idle = buffer.WaitAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => idle);
    }

    [Fact]
    public async Task Add_ManyProducersOneConsumer_EveryEntryOnceInPerProducerOrder()
    {
        var buffer = new AuditBuffer(1 << 20, 1 << 16);
        const int producers = 4;
        const int each = 5000;
        var tasks = Enumerable.Range(0, producers).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < each; i++)
            {
                Assert.Equal(0, Add(buffer, $"P{p}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        })).ToArray();

        var next = new int[producers];
        var frame = new byte[16];
        var taken = 0;
        while (taken < producers * each)
        {
            if (!buffer.TryTake(out var entry, ref frame))
            {
                await buffer.WaitAsync(CancellationToken.None);
                continue;
            }

            var p = entry.ChargePointId[1] - '0';
            Assert.Equal(next[p]++.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetString(frame, 0, entry.FrameLength));
            taken++;
        }

        await Task.WhenAll(tasks);
        Assert.All(next, n => Assert.Equal(each, n));
    }

    private static int Add(AuditBuffer buffer, string chargePointId, string frame, long ticks = 0, AuditEntryKind kind = AuditEntryKind.FrameReceived) =>
        buffer.Add(kind, ticks, chargePointId, null, Encoding.UTF8.GetBytes(frame));

    private static List<string> Drain(AuditBuffer buffer)
    {
        var frames = new List<string>();
        var frame = new byte[8];
        while (buffer.TryTake(out var entry, ref frame))
        {
            frames.Add(Encoding.UTF8.GetString(frame, 0, entry.FrameLength));
        }

        return frames;
    }
}
