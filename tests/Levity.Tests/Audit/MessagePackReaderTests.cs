using System.Text;
using Levity.Silo.Audit.MessagePack;

namespace Levity.Tests.Audit;

public sealed class MessagePackReaderTests
{
    [Fact]
    public void TrySkip_EveryFormat_ConsumesExactlyOneValue()
    {
        var writer = new MessagePackWriter();
        writer.WriteMapHeader(2);
        writer.WriteString("nested");
        writer.WriteArrayHeader(20);
        for (var i = 0; i < 20; i++)
        {
            writer.WriteInt64(i * 100_000L - 1_000_000);
        }

        writer.WriteString(new string('k', 40));
        writer.WriteMapHeader(5);
        writer.WriteUInt64(ulong.MaxValue);
        writer.WriteDouble(1.5);
        writer.WriteNil();
        writer.WriteBoolean(true);
        writer.WriteBinary(new byte[300]);
        writer.WriteExtension(3, new byte[17]);
        writer.WriteExtension(0, new byte[8]);
        writer.WriteString(new string('v', 70_000));
        writer.WriteRaw([0xca, 0, 0, 0, 0]);
        writer.WriteExtension(1, new byte[1]);
        var value = writer.Length;
        writer.WriteInt64(7);

        var reader = new MessagePackReader(writer.WrittenSpan);
        Assert.True(reader.TrySkip());
        Assert.Equal(value, reader.Consumed);
    }

    [Fact]
    public void TrySkip_TruncatedAnywhere_FalseAndPositionUnchanged()
    {
        var writer = new MessagePackWriter();
        writer.WriteMapHeader(1);
        writer.WriteString("ack");
        writer.WriteArrayHeader(3);
        writer.WriteString("abc");
        writer.WriteBinary([1, 2, 3]);
        writer.WriteInt64(70_000);
        var full = writer.WrittenSpan.ToArray();
        for (var cut = 0; cut < full.Length; cut++)
        {
            var reader = new MessagePackReader(full.AsSpan(0, cut));
            Assert.False(reader.TrySkip(), $"cut at {cut}");
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Fact]
    public void TryReadMapAndString_AckMap_ReadsKeyAndValue()
    {
        var writer = new MessagePackWriter();
        writer.WriteMapHeader(1);
        writer.WriteString("ack");
        writer.WriteString("Y2h1bmstaWQ=");
        var reader = new MessagePackReader(writer.WrittenSpan);

        Assert.True(reader.TryReadMapHeader(out var count));
        Assert.Equal(1, count);
        Assert.True(reader.TryReadString(out var key));
        Assert.Equal("ack", Encoding.UTF8.GetString(key));
        Assert.True(reader.TryReadString(out var value));
        Assert.Equal("Y2h1bmstaWQ=", Encoding.UTF8.GetString(value));
        Assert.Equal(writer.Length, reader.Consumed);
    }

    [Theory]
    [InlineData("c1")]
    [InlineData("")]
    [InlineData("da01")]
    [InlineData("a5616263")]
    public void TryRead_NotAStringOrIncomplete_False(string hex)
    {
        var data = Convert.FromHexString(hex);
        var reader = new MessagePackReader(data);
        Assert.False(reader.TryReadString(out _));
        Assert.False(reader.TryReadMapHeader(out _));
        Assert.Equal(0, reader.Consumed);
    }
}
