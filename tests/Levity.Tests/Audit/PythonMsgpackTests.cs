using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Levity.Silo.Audit;
using Levity.Silo.Audit.Buffering;
using Levity.Silo.Audit.Fluentd;
using Levity.Silo.Audit.MessagePack;
using Levity.Silo.Audit.Records;
using Levity.Tests.Audit.Support;
using MessagePack;
using Microsoft.Extensions.Logging.Abstractions;

namespace Levity.Tests.Audit;

/// <summary>
/// The encoder's output (MessagePack-CSharp's writer as the audit uses it) read back by a real,
/// independent decoder: Python's msgpack (strict UTF-8, no tolerance for malformed input), and
/// what Python writes read back by the audit. Skipped, with the reason, where it is not installed.
/// </summary>
public sealed class PythonMsgpackTests
{
    /// <summary>Prints each value of a MessagePack stream as a tagged JSON description.</summary>
    private const string Describe = """
        import sys, json, struct, msgpack
        class Pairs(list):
            pass
        class Ext:
            def __init__(self, code, data):
                self.code, self.data = code, data
        def d(v):
            if v is None: return {"nil": True}
            if isinstance(v, bool): return {"bool": v}
            if isinstance(v, int): return {"int": str(v)}
            if isinstance(v, float): return {"float": struct.pack('>d', v).hex()}
            if isinstance(v, str): return {"str": v}
            if isinstance(v, bytes): return {"bin": v.hex()}
            if isinstance(v, Pairs): return {"map": [[d(k), d(x)] for k, x in v]}
            if isinstance(v, list): return {"array": [d(x) for x in v]}
            if isinstance(v, Ext): return {"ext": v.code, "data": v.data.hex()}
            if isinstance(v, msgpack.Timestamp): return {"ext": -1, "data": v.to_bytes().hex()}
            raise TypeError(repr(type(v)))
        u = msgpack.Unpacker(raw=False, strict_map_key=False, object_pairs_hook=Pairs, ext_hook=Ext)
        u.feed(open(sys.argv[1], 'rb').read())
        print(json.dumps([d(x) for x in u]))
        """;

    [PythonMsgpackFact]
    public async Task Writer_EveryFormatAtItsBoundaries_DecodedByPythonMsgpack()
    {
        var cases = new List<(string Name, MessagePackWrite Write, JsonNode Expected)>();
        foreach (var value in new long[] { 0, 127, 128, 255, 256, 65535, 65536, uint.MaxValue, 1L + uint.MaxValue, long.MaxValue, -1, -32, -33, -128, -129, -32768, -32769, int.MinValue, int.MinValue - 1L, long.MinValue })
        {
            cases.Add(($"int {value}", (ref MessagePackWriter w) => w.Write(value), Int(value.ToString(CultureInfo.InvariantCulture))));
        }

        cases.Add(("uint64 max", (ref MessagePackWriter w) => w.Write(ulong.MaxValue), Int(ulong.MaxValue.ToString(CultureInfo.InvariantCulture))));
        cases.Add(("nil", (ref MessagePackWriter w) => w.WriteNil(), new JsonObject { ["nil"] = true }));
        cases.Add(("true", (ref MessagePackWriter w) => w.Write(true), new JsonObject { ["bool"] = true }));
        cases.Add(("false", (ref MessagePackWriter w) => w.Write(false), new JsonObject { ["bool"] = false }));
        foreach (var value in new[] { 1.5, -0.0, double.MaxValue, double.Epsilon, double.PositiveInfinity, -1234.5678 })
        {
            cases.Add(($"float {value}", (ref MessagePackWriter w) => w.Write(value), new JsonObject { ["float"] = BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture) }));
        }

        foreach (var length in new[] { 0, 31, 32, 255, 256, 65535, 65536 })
        {
            var text = new string('s', length);
            cases.Add(($"str {length}", (ref MessagePackWriter w) => w.Write(text), new JsonObject { ["str"] = text }));
            var data = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
            cases.Add(($"bin {length}", (ref MessagePackWriter w) => w.Write(data), new JsonObject { ["bin"] = Convert.ToHexStringLower(data) }));
        }

        cases.Add(("str utf8", (ref MessagePackWriter w) => w.Write("café €5 😀 \ud800"), new JsonObject { ["str"] = "café €5 😀 \ufffd" }));
        cases.Add(("str from invalid utf8", (ref MessagePackWriter w) => w.WriteStringFromUtf8([0x41, 0xc3, 0x28]), new JsonObject { ["str"] = "A\ufffd(" }));
        foreach (var count in new[] { 0, 15, 16, 65535, 65536 })
        {
            cases.Add(($"array {count}", (ref MessagePackWriter w) => WriteArray(ref w, count), new JsonObject { ["array"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => Int((i % 100).ToString(CultureInfo.InvariantCulture)))]) }));
            cases.Add(($"map {count}", (ref MessagePackWriter w) => WriteMap(ref w, count), new JsonObject { ["map"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonArray(Int(i.ToString(CultureInfo.InvariantCulture)), new JsonObject { ["bool"] = i % 2 == 0 }))]) }));
        }

        foreach (var length in new[] { 0, 1, 2, 3, 4, 8, 16, 17, 255, 256, 65535, 65536 })
        {
            var data = Enumerable.Range(0, length).Select(i => (byte)(255 - i)).ToArray();
            cases.Add(($"ext {length}", (ref MessagePackWriter w) => w.WriteExtensionFormat(new ExtensionResult(42, data)), new JsonObject { ["ext"] = 42, ["data"] = Convert.ToHexStringLower(data) }));
        }

        cases.Add(("ext negative type", (ref MessagePackWriter w) => w.WriteExtensionFormat(new ExtensionResult(-5, new byte[] { 1, 2, 3 })), new JsonObject { ["ext"] = -5, ["data"] = "010203" }));
        var at = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(9_876_543);
        cases.Add(("EventTime", (ref MessagePackWriter w) => ForwardEventTime.Write(ref w, at.UtcTicks), new JsonObject { ["ext"] = 0, ["data"] = EventTimeHex(at.ToUnixTimeSeconds(), 987_654_300) }));

        var written = MessagePackBytes.Of((ref MessagePackWriter w) =>
        {
            foreach (var (_, write, _) in cases)
            {
                write(ref w);
            }
        });

        var decoded = await DecodeWithPythonAsync(written);
        Assert.Equal(cases.Count, decoded.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(cases[i].Expected, decoded[i]), $"{cases[i].Name}: python read {Excerpt(decoded[i])}");
        }
    }

    [PythonMsgpackFact]
    public async Task JsonToMessagePack_OcppFrames_PythonReadsTheSameDocument()
    {
        string[] documents =
        [
            """{"connectorId":1,"transactionId":42,"meterValue":[{"timestamp":"2026-11-01T12:00:00Z","sampledValue":[{"value":"1234.5","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","unit":"Wh"},{"value":"16.2","measurand":"Current.Import","phase":"L1","unit":"A"}]}]}""",
            """{"chargePointVendor":"United Chargers","chargePointModel":"Grizzl-E Smart","firmwareVersion":"05.42","note":"caf\u00e9 \"quoted\" \\ \n","empty":{},"none":null,"yes":true,"ratio":0.125,"neg":-17,"big":18446744073709551615,"list":[1,[2,[3,{}]],"x"]}""",
            "[" + string.Join(',', Enumerable.Range(0, 70_000)) + "]",
        ];

        var converted = MessagePackBytes.Of((ref MessagePackWriter w) =>
        {
            foreach (var json in documents)
            {
                Assert.True(JsonToMessagePack.TryWrite(Encoding.UTF8.GetBytes(json), ref w));
            }
        });

        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, converted);
            var output = await PythonMsgpack.RunAsync("""
                import sys, json, msgpack
                u = msgpack.Unpacker(raw=False)
                u.feed(open(sys.argv[1], 'rb').read())
                print(json.dumps(list(u)))
                """, path);
            var decoded = JsonNode.Parse(output)!.AsArray();
            Assert.Equal(documents.Length, decoded.Count);
            for (var i = 0; i < documents.Length; i++)
            {
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(documents[i]), decoded[i]), $"document {i}: python read {Excerpt(decoded[i])}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [PythonMsgpackFact]
    public async Task Sender_PackedForwardMessages_PythonReadsTagEntriesAndEventTime()
    {
        await using var fluentd = ForwardReceiver.Start();
        await using var audit = await SenderHarness.StartAsync(fluentd.Port, o => o.RequireAck = true);
        audit.Sink.Connection("CP-7", connected: true, "192.168.1.100:54321");
        audit.Sink.Frame("CP-7", AuditDirection.Received, """[2,"42","StartTransaction",{"connectorId":1,"idTag":"USER-123","meterStart":1000,"timestamp":"2026-11-01T12:00:00Z"}]"""u8);
        audit.Sink.Frame("CP-7", AuditDirection.Sent, """[3,"42",{"transactionId":5,"idTagInfo":{"status":"Accepted"}}]"""u8);
        await fluentd.WaitForAsync(e => e.Count >= 3);
        await audit.StopAsync();

        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, [.. fluentd.Messages.SelectMany(m => m.Raw)]);
            var output = await PythonMsgpack.RunAsync("""
                import sys, json, struct, msgpack
                out = []
                u = msgpack.Unpacker(raw=False)
                u.feed(open(sys.argv[1], 'rb').read())
                for tag, entries, option in u:
                    assert isinstance(entries, bytes), type(entries)
                    events = []
                    inner = msgpack.Unpacker(raw=False)
                    inner.feed(entries)
                    for time, record in inner:
                        assert isinstance(time, msgpack.ExtType) and time.code == 0 and len(time.data) == 8, time
                        seconds, nanoseconds = struct.unpack('>II', time.data)
                        events.append({"sec": seconds, "nsec": nanoseconds, "record": record})
                    out.append({"tag": tag, "option": option, "events": events})
                print(json.dumps(out))
                """, path);
            var messages = JsonNode.Parse(output)!.AsArray();
            var events = messages.SelectMany(m => m!["events"]!.AsArray().Select(e => (Tag: (string)m["tag"]!, Event: e!))).ToList();
            Assert.Equal(fluentd.Events.Select(e => e.Tag), events.Select(e => e.Tag));
            Assert.All(messages, m => Assert.Equal(m!["events"]!.AsArray().Count, (int)m["option"]!["size"]!));
            Assert.All(messages, m => Assert.Equal(24, ((string)m!["option"]!["chunk"]!).Length));
            for (var i = 0; i < events.Count; i++)
            {
                var mine = fluentd.Events[i];
                Assert.Equal(mine.Seconds, (long)events[i].Event["sec"]!);
                Assert.Equal(mine.Nanoseconds, (long)events[i].Event["nsec"]!);
            }

            Assert.Equal("192.168.1.100:54321", (string)events[0].Event["record"]!["remote_addr"]!);
            var start = events[1].Event["record"]!;
            Assert.Equal(("ocpp.transaction.start", "recv", "CALL", "42", "StartTransaction"), (events[1].Tag, (string)start["dir"]!, (string)start["message_type"]!, (string)start["message_id"]!, (string)start["action"]!));
            Assert.Equal(1000, (int)start["msg"]!["meterStart"]!);
            Assert.Equal(5, (int)events[2].Event["record"]!["msg"]!["transactionId"]!);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [PythonMsgpackFact]
    public async Task PackedForward_EventTimeAndRecords_PythonRepacksTheSameBytesAndWeReadThemBack()
    {
        var at = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        var encoder = new AuditRecordEncoder(null, NullLogger.Instance);
        var builder = new ForwardBatchBuilder(new AuditTags("site"));
        (AuditEntryKind Kind, string Frame)[] inputs =
        [
            (AuditEntryKind.Connected, ""),
            (AuditEntryKind.FrameReceived, """[2,"7","DataTransfer",{"vendorId":"café ☕","data":"{\"a\":1}","n":-129,"big":18446744073709551615,"ratio":0.125,"on":true,"none":null,"list":[1,[],{}]}]"""),
            (AuditEntryKind.FrameReceived, "not OCPP-J"),
        ];
        foreach (var (kind, frame) in inputs)
        {
            var bytes = Encoding.UTF8.GetBytes(frame);
            // One tag for all, so they travel in one message.
            await encoder.EncodeAsync(new AuditEntry(kind, at.UtcTicks, "CP-7", null, bytes.Length), bytes, CancellationToken.None);
            builder.Add(AuditTags.Unknown, at.UtcTicks, encoder.Record);
        }

        var batch = new ForwardBatch();
        builder.MoveTo(batch, withChunks: true);
        var ours = batch.Bytes(Assert.Single(batch.Messages)).ToArray();

        // Python checks the EventTime against the time it was told, then packs the message anew
        // from what it decoded (its own ExtType for the EventTime) and prints the bytes.
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, ours);
            var output = await PythonMsgpack.RunAsync("""
                import sys, struct, msgpack
                tag, entries, option = msgpack.unpackb(open(sys.argv[1], 'rb').read(), raw=False)
                repacked = []
                inner = msgpack.Unpacker(raw=False)
                inner.feed(entries)
                for time, record in inner:
                    assert isinstance(time, msgpack.ExtType) and time.code == 0 and len(time.data) == 8, time
                    assert struct.unpack('>II', time.data) == (int(sys.argv[2]), int(sys.argv[3])), time.data.hex()
                    event_time = msgpack.ExtType(0, struct.pack('>II', int(sys.argv[2]), int(sys.argv[3])))
                    repacked.append(msgpack.packb([event_time, record], use_bin_type=True))
                print(msgpack.packb([tag, b''.join(repacked), option], use_bin_type=True).hex())
                """, path, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), "123456700");
            var theirs = Convert.FromHexString(output.Trim());

            // Both sides use the smallest format for every value, so the bytes are the same.
            Assert.Equal(Convert.ToHexStringLower(ours), Convert.ToHexStringLower(theirs));
            var message = (List<object?>)MsgPackDecoder.Decode(theirs)!;
            Assert.Equal("site.unknown", message[0]);
            var events = MsgPackDecoder.DecodeAll((byte[])message[1]!).Cast<List<object?>>().ToList();
            Assert.Equal(3, events.Count);
            Assert.All(events, e =>
            {
                var time = Assert.IsType<MsgPackExt>(e[0]);
                Assert.Equal((ForwardEventTime.ExtensionType, EventTimeHex(at.ToUnixTimeSeconds(), 123_456_700)), (time.Type, Convert.ToHexStringLower(time.Data)));
            });
            var records = events.Select(e => (Dictionary<object, object?>)e[1]!).ToList();
            Assert.Equal(("ws", "connect", null), (records[0]["type"], records[0]["event"], records[0]["remote_addr"]));
            var msg = (Dictionary<object, object?>)records[1]["msg"]!;
            Assert.Equal(("café ☕", "{\"a\":1}", -129L, ulong.MaxValue, 0.125, true), (msg["vendorId"], msg["data"], msg["n"], msg["big"], msg["ratio"], msg["on"]));
            Assert.Null(msg["none"]);
            Assert.Equal(("INVALID", "not OCPP-J"), (records[2]["message_type"], records[2]["raw"]));
            Assert.Equal(3L, ((Dictionary<object, object?>)message[2]!)["size"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<JsonArray> DecodeWithPythonAsync(byte[] data)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, data);
            return JsonNode.Parse(await PythonMsgpack.RunAsync(Describe, path))!.AsArray();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void WriteArray(ref MessagePackWriter writer, int count)
    {
        writer.WriteArrayHeader(count);
        for (var i = 0; i < count; i++)
        {
            writer.Write(i % 100);
        }
    }

    private static void WriteMap(ref MessagePackWriter writer, int count)
    {
        writer.WriteMapHeader(count);
        for (var i = 0; i < count; i++)
        {
            writer.Write(i);
            writer.Write(i % 2 == 0);
        }
    }

    private static JsonObject Int(string digits) => new() { ["int"] = digits };

    private static string EventTimeHex(long seconds, uint nanoseconds)
    {
        var data = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(data, (uint)seconds);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), nanoseconds);
        return Convert.ToHexStringLower(data);
    }

    private static string Excerpt(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 300 ? text : text[..300] + "...";
    }
}
