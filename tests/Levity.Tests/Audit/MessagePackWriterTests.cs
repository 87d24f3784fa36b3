using Levity.Silo.Audit.MessagePack;

namespace Levity.Tests.Audit;

/// <summary>The encoder against the byte layouts of the MessagePack specification, at every format boundary.</summary>
public sealed class MessagePackWriterTests
{
    [Theory]
    [InlineData(0L, "00")]
    [InlineData(1L, "01")]
    [InlineData(127L, "7f")]
    [InlineData(128L, "cc80")]
    [InlineData(255L, "ccff")]
    [InlineData(256L, "cd0100")]
    [InlineData(65535L, "cdffff")]
    [InlineData(65536L, "ce00010000")]
    [InlineData(4294967295L, "ceffffffff")]
    [InlineData(4294967296L, "cf0000000100000000")]
    [InlineData(long.MaxValue, "cf7fffffffffffffff")]
    [InlineData(-1L, "ff")]
    [InlineData(-32L, "e0")]
    [InlineData(-33L, "d0df")]
    [InlineData(-128L, "d080")]
    [InlineData(-129L, "d1ff7f")]
    [InlineData(-32768L, "d18000")]
    [InlineData(-32769L, "d2ffff7fff")]
    [InlineData(-2147483648L, "d280000000")]
    [InlineData(-2147483649L, "d3ffffffff7fffffff")]
    [InlineData(long.MinValue, "d38000000000000000")]
    public void WriteInt64_Boundary_SmallestFormat(long value, string expected)
    {
        var writer = new MessagePackWriter();
        writer.WriteInt64(value);
        Assert.Equal(expected, Hex(writer));
    }

    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(127UL, "7f")]
    [InlineData(128UL, "cc80")]
    [InlineData(65536UL, "ce00010000")]
    [InlineData(9223372036854775808UL, "cf8000000000000000")]
    [InlineData(ulong.MaxValue, "cfffffffffffffffff")]
    public void WriteUInt64_Boundary_SmallestFormat(ulong value, string expected)
    {
        var writer = new MessagePackWriter();
        writer.WriteUInt64(value);
        Assert.Equal(expected, Hex(writer));
    }

    [Fact]
    public void WriteNilAndBoolean_SingleByteFormats()
    {
        var writer = new MessagePackWriter();
        writer.WriteNil();
        writer.WriteBoolean(false);
        writer.WriteBoolean(true);
        writer.WriteStringOrNil(null);
        Assert.Equal("c0c2c3c0", Hex(writer));
    }

    [Theory]
    [InlineData(1.5, "cb3ff8000000000000")]
    [InlineData(0.0, "cb0000000000000000")]
    [InlineData(-0.0, "cb8000000000000000")]
    [InlineData(double.MaxValue, "cb7fefffffffffffff")]
    [InlineData(double.Epsilon, "cb0000000000000001")]
    [InlineData(double.PositiveInfinity, "cb7ff0000000000000")]
    [InlineData(0.1, "cb3fb999999999999a")]
    public void WriteDouble_AlwaysFloat64BigEndian(double value, string expected)
    {
        var writer = new MessagePackWriter();
        writer.WriteDouble(value);
        Assert.Equal(expected, Hex(writer));
    }

    [Theory]
    [InlineData(0, "a0")]
    [InlineData(1, "a1")]
    [InlineData(31, "bf")]
    [InlineData(32, "d920")]
    [InlineData(255, "d9ff")]
    [InlineData(256, "da0100")]
    [InlineData(65535, "daffff")]
    [InlineData(65536, "db00010000")]
    [InlineData(70000, "db00011170")]
    public void WriteString_LengthBoundary_HeaderThenUtf8(int length, string header)
    {
        var text = new string('x', length);
        var writer = new MessagePackWriter();
        writer.WriteString(text);
        Assert.Equal(header, Convert.ToHexStringLower(writer.WrittenSpan[..(header.Length / 2)]));
        Assert.Equal(header.Length / 2 + length, writer.Length);
        Assert.True(writer.WrittenSpan[(header.Length / 2)..].SequenceEqual(System.Text.Encoding.ASCII.GetBytes(text)));

        var fromUtf8 = new MessagePackWriter();
        fromUtf8.WriteUtf8String(System.Text.Encoding.ASCII.GetBytes(text));
        Assert.True(writer.WrittenSpan.SequenceEqual(fromUtf8.WrittenSpan));
    }

    [Theory]
    [InlineData("é", "a2c3a9")]
    [InlineData("€", "a3e282ac")]
    [InlineData("😀", "a4f09f9880")]
    public void WriteString_NonAscii_LengthCountsUtf8Bytes(string value, string expected)
    {
        var writer = new MessagePackWriter();
        writer.WriteString(value);
        Assert.Equal(expected, Hex(writer));
    }

    [Fact]
    public void WriteString_LoneSurrogate_ReplacementCharacter()
    {
        var writer = new MessagePackWriter();
        writer.WriteString("a\ud800");
        Assert.Equal("a461efbfbd", Hex(writer));
    }

    [Fact]
    public void WriteStringFromUtf8_InvalidBytes_ReplacedSoStrIsValidUtf8()
    {
        var writer = new MessagePackWriter();
        writer.WriteStringFromUtf8([(byte)'a', 0xff, (byte)'b']);
        Assert.Equal("a561efbfbd62", Hex(writer));
    }

    [Theory]
    [InlineData(0, "c400")]
    [InlineData(1, "c401")]
    [InlineData(255, "c4ff")]
    [InlineData(256, "c50100")]
    [InlineData(65535, "c5ffff")]
    [InlineData(65536, "c600010000")]
    public void WriteBinary_LengthBoundary_Bin8To32(int length, string header)
    {
        var data = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        var writer = new MessagePackWriter();
        writer.WriteBinary(data);
        Assert.Equal(header, Convert.ToHexStringLower(writer.WrittenSpan[..(header.Length / 2)]));
        Assert.True(writer.WrittenSpan[(header.Length / 2)..].SequenceEqual(data));
    }

    [Theory]
    [InlineData(0, "90", "80")]
    [InlineData(1, "91", "81")]
    [InlineData(15, "9f", "8f")]
    [InlineData(16, "dc0010", "de0010")]
    [InlineData(65535, "dcffff", "deffff")]
    [InlineData(65536, "dd00010000", "df00010000")]
    [InlineData(int.MaxValue, "dd7fffffff", "df7fffffff")]
    public void WriteArrayAndMapHeader_CountBoundary_FixTo32(int count, string array, string map)
    {
        var arrays = new MessagePackWriter();
        arrays.WriteArrayHeader(count);
        var maps = new MessagePackWriter();
        maps.WriteMapHeader(count);
        Assert.Equal(array, Hex(arrays));
        Assert.Equal(map, Hex(maps));
    }

    [Theory]
    [InlineData(1, "d405")]
    [InlineData(2, "d505")]
    [InlineData(4, "d605")]
    [InlineData(8, "d705")]
    [InlineData(16, "d805")]
    [InlineData(0, "c70005")]
    [InlineData(3, "c70305")]
    [InlineData(17, "c71105")]
    [InlineData(255, "c7ff05")]
    [InlineData(256, "c8010005")]
    [InlineData(65535, "c8ffff05")]
    [InlineData(65536, "c90001000005")]
    public void WriteExtension_LengthBoundary_FixExtThenExt8To32(int length, string header)
    {
        var data = Enumerable.Repeat((byte)0xab, length).ToArray();
        var writer = new MessagePackWriter();
        writer.WriteExtension(5, data);
        Assert.Equal(header, Convert.ToHexStringLower(writer.WrittenSpan[..(header.Length / 2)]));
        Assert.True(writer.WrittenSpan[(header.Length / 2)..].SequenceEqual(data));
    }

    [Fact]
    public void WriteExtension_NegativeType_TwosComplementByte()
    {
        var writer = new MessagePackWriter();
        writer.WriteExtension(-1, [1, 2, 3, 4]);
        Assert.Equal("d6ff01020304", Hex(writer));
    }

    [Fact]
    public void Truncate_UndoesPartialValue_AndClearKeepsWriterUsable()
    {
        var writer = new MessagePackWriter(1);
        writer.WriteArrayHeader(2);
        var mark = writer.Length;
        writer.WriteString("half written");
        writer.Truncate(mark);
        writer.WriteInt64(1);
        writer.WriteInt64(2);
        Assert.Equal("920102", Hex(writer));

        writer.Clear();
        writer.WriteNil();
        Assert.Equal("c0", Hex(writer));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Truncate(5));
    }

    [Fact]
    public void Write_GrowsFromTinyBuffer_WithoutLosingBytes()
    {
        var writer = new MessagePackWriter(1);
        for (var i = 0; i < 10_000; i++)
        {
            writer.WriteInt64(i);
        }

        var decoded = Support.MsgPackDecoder.DecodeAll(writer.WrittenSpan);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (object?)(long)i), decoded);
    }

    private static string Hex(MessagePackWriter writer) => Convert.ToHexStringLower(writer.WrittenSpan);
}
