using System.Buffers;
using System.Text;
using Levity.Silo.Audit.MessagePack;
using Levity.Tests.Audit.Support;
using MessagePack;

namespace Levity.Tests.Audit;

public sealed class JsonToMessagePackTests
{
    [Fact]
    public void TryWrite_OcppPayload_SameStructureAndValues()
    {
        var decoded = RoundTrip("""
            {"connectorId":1,"transactionId":42,"meterValue":[{"timestamp":"2026-11-01T12:00:00Z",
             "sampledValue":[{"value":"1234.5","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}],
             "flag":true,"off":false,"none":null,"ratio":0.25,"negative":-7}
            """);

        var map = Assert.IsType<Dictionary<object, object?>>(decoded);
        Assert.Equal(1L, map["connectorId"]);
        Assert.Equal(42L, map["transactionId"]);
        Assert.Equal(true, map["flag"]);
        Assert.Equal(false, map["off"]);
        Assert.Null(map["none"]);
        Assert.Equal(0.25, map["ratio"]);
        Assert.Equal(-7L, map["negative"]);
        var meterValue = Assert.Single(Assert.IsType<List<object?>>(map["meterValue"]));
        var sample = Assert.Single((List<object?>)((Dictionary<object, object?>)meterValue!)["sampledValue"]!);
        Assert.Equal("Energy.Active.Import.Register", ((Dictionary<object, object?>)sample!)["measurand"]);
        Assert.Equal(["connectorId", "transactionId", "meterValue", "flag", "off", "none", "ratio", "negative"], map.Keys);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-32", -32L)]
    [InlineData("300", 300L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void TryWrite_Integer_SmallestInt(string json, long expected)
    {
        var reference = MessagePackBytes.Of((ref MessagePackWriter w) => w.Write(expected));
        Assert.Equal(Convert.ToHexStringLower(reference), Convert.ToHexStringLower(Converted(json)));
    }

    [Fact]
    public void TryWrite_NumbersBeyondInt64_UInt64ThenFloat64ThenDigits()
    {
        Assert.Equal(ulong.MaxValue, RoundTrip("18446744073709551615"));
        Assert.Equal(18446744073709551616.0, RoundTrip("18446744073709551616"));
        Assert.Equal(1.0, RoundTrip("1.0"));
        Assert.Equal(100.0, RoundTrip("1e2"));
        Assert.Equal(-0.5, RoundTrip("-5E-1"));
        Assert.Equal("1e400", RoundTrip("1e400"));
    }

    [Theory]
    [InlineData("\"caf\\u00e9\"", "café")]
    [InlineData("\"line\\nbreak\\t\\\"q\\\"\\\\\"", "line\nbreak\t\"q\"\\")]
    [InlineData("\"\\ud83d\\ude00\"", "😀")]
    [InlineData("\"\\/\"", "/")]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"\"", "")]
    public void TryWrite_EscapedString_Unescaped(string json, string expected) => Assert.Equal(expected, RoundTrip(json));

    [Fact]
    public void TryWrite_LongEscapedString_UnescapedBeyondStackScratch()
    {
        var text = string.Concat(Enumerable.Repeat("\\u00e9x", 500));
        Assert.Equal(string.Concat(Enumerable.Repeat("éx", 500)), RoundTrip($"\"{text}\""));
    }

    [Fact]
    public void TryWrite_LoneSurrogateEscape_KeptAsSentText()
    {
        // Not representable as UTF-8: the str carries the escape as the charger wrote it.
        Assert.Equal("a\\ud800b", RoundTrip("\"a\\ud800b\""));
    }

    [Fact]
    public void TryWrite_InvalidUtf8InString_ReplacementCharacter()
    {
        byte[] json = [(byte)'"', (byte)'a', 0xc3, (byte)'"'];
        var converted = MessagePackBytes.Of((ref MessagePackWriter w) => Assert.True(JsonToMessagePack.TryWrite(json, ref w)));
        Assert.Equal("a\ufffd", MsgPackDecoder.Decode(converted));
    }

    [Theory]
    [InlineData(15, "8f")]
    [InlineData(16, "de0010")]
    [InlineData(300, "de012c")]
    public void TryWrite_ObjectSize_MapHeaderResizedAfterCounting(int properties, string header)
    {
        var json = "{" + string.Join(',', Enumerable.Range(0, properties).Select(i => $"\"k{i}\":{{\"inner\":[{i}]}}")) + "}";
        var converted = Converted(json);
        Assert.StartsWith(header, Convert.ToHexStringLower(converted));
        var map = (Dictionary<object, object?>)MsgPackDecoder.Decode(converted)!;
        Assert.Equal(properties, map.Count);
        Assert.Equal((long)(properties - 1), ((List<object?>)((Dictionary<object, object?>)map[$"k{properties - 1}"]!)["inner"]!)[0]);
    }

    [Theory]
    [InlineData(15, "9f")]
    [InlineData(16, "dc0010")]
    [InlineData(65535, "dcffff")]
    [InlineData(65536, "dd00010000")]
    public void TryWrite_ArraySize_ArrayHeaderResizedAfterCounting(int items, string header)
    {
        var json = "[" + string.Join(',', Enumerable.Repeat("1", items)) + "]";
        var converted = Converted(json);
        Assert.StartsWith(header, Convert.ToHexStringLower(converted));
        Assert.Equal(items, ((List<object?>)MsgPackDecoder.Decode(converted)!).Count);
    }

    [Fact]
    public void TryWrite_NestedLargeContainers_OuterHeadersStayCorrect()
    {
        // An inner container that grows its header moves its content; the outer one's start must not move.
        var inner = "[" + string.Join(',', Enumerable.Range(0, 20)) + "]";
        var json = $"[{inner},{{\"a\":{inner}}},{inner}]";
        var decoded = (List<object?>)RoundTrip(json)!;
        Assert.Equal(3, decoded.Count);
        Assert.Equal(20, ((List<object?>)decoded[0]!).Count);
        Assert.Equal(19L, ((List<object?>)((Dictionary<object, object?>)decoded[1]!)["a"]!)[19]);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (object?)(long)i), (List<object?>)decoded[2]!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("[1,2")]
    [InlineData("{\"a\":}")]
    [InlineData("not json")]
    [InlineData("[1] [2]")]
    [InlineData("{\"a\":1} x")]
    [InlineData("[1,]")]
    [InlineData("'single'")]
    public void TryWrite_NotOneJsonValue_FalseAndNothingWritten(string json)
    {
        var written = MessagePackBytes.Of((ref MessagePackWriter w) =>
        {
            w.WriteNil();
            Assert.False(JsonToMessagePack.TryWrite(Encoding.UTF8.GetBytes(json), ref w));
        });
        Assert.Equal("c0", Convert.ToHexStringLower(written));
    }

    [Fact]
    public void TryWrite_DepthLimit_64AcceptedDeeperRefused()
    {
        Assert.Equal(64, Converted(new string('[', 64) + new string(']', 64)).Length);
        var deeper = MessagePackBytes.Of((ref MessagePackWriter w) => Assert.False(JsonToMessagePack.TryWrite(Encoding.UTF8.GetBytes(new string('[', 65) + new string(']', 65)), ref w)));
        Assert.Empty(deeper);
    }

    [Fact]
    public void TryWrite_ManyContainers_CountsBeyondThePooledArray()
    {
        // More containers than the first pass's initial count array holds.
        var json = "[" + string.Join(',', Enumerable.Range(0, 1000).Select(i => $"{{\"i\":[{i},{{}}]}}")) + "]";
        var decoded = (List<object?>)RoundTrip(json)!;
        Assert.Equal(1000, decoded.Count);
        Assert.All(decoded.Select((item, i) => (Item: (Dictionary<object, object?>)item!, Index: i)), e =>
        {
            var inner = (List<object?>)e.Item["i"]!;
            Assert.Equal((long)e.Index, inner[0]);
            Assert.Empty((Dictionary<object, object?>)inner[1]!);
        });
    }

    [Fact]
    public void TryWrite_IntoReusedBuffer_AllocatesNothing()
    {
        // An escaped string longer than the stack scratch and more than 15 elements: every path that rents.
        var json = Encoding.UTF8.GetBytes($$"""
            {"connectorId":1,"transactionId":42,"note":"{{string.Concat(Enumerable.Repeat("caf\u00e9 ", 60))}}",
             "meterValue":[{"timestamp":"2026-11-01T12:00:00Z","sampledValue":[{{string.Join(',', Enumerable.Repeat("""{"value":"1234.5","measurand":"Energy.Active.Import.Register","unit":"Wh"}""", 20))}}]}]}
            """);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        ConvertInto(buffer, json);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            ConvertInto(buffer, json);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(20, ((List<object?>)((Dictionary<object, object?>)((List<object?>)((Dictionary<object, object?>)MsgPackDecoder.Decode(buffer.WrittenSpan)!)["meterValue"]!)[0]!)["sampledValue"]!).Count);
    }

    private static void ConvertInto(ArrayBufferWriter<byte> buffer, byte[] json)
    {
        buffer.ResetWrittenCount();
        var writer = new MessagePackWriter(buffer);
        Assert.True(JsonToMessagePack.TryWrite(json, ref writer));
        writer.Flush();
    }

    private static byte[] Converted(string json) =>
        MessagePackBytes.Of((ref MessagePackWriter w) => Assert.True(JsonToMessagePack.TryWrite(Encoding.UTF8.GetBytes(json), ref w), json));

    private static object? RoundTrip(string json) => MsgPackDecoder.Decode(Converted(json));
}
