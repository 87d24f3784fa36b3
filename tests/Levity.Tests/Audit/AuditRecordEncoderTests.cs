using System.Text;
using Levity.Silo.Audit.Buffering;
using Levity.Silo.Audit.Records;
using Levity.Tests.Audit.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Levity.Tests.Audit;

public sealed class AuditRecordEncoderTests
{
    private static readonly AuditTags Tags = new("ocpp");

    [Fact]
    public async Task EncodeAsync_ChargerCallAndAnswer_BothCarryCallsActionAndTag()
    {
        var encoder = NewEncoder();
        var (callTag, call) = await EncodeAsync(encoder, Received("CP1", """[2,"b-1","BootNotification",{"chargePointVendor":"United Chargers","chargePointModel":"Grizzl-E"}]"""));
        var (answerTag, answer) = await EncodeAsync(encoder, Sent("CP1", """[3,"b-1",{"status":"Accepted","currentTime":"2026-11-01T12:00:00Z","interval":60}]"""));

        Assert.Equal(("ocpp.boot", "ocpp.boot"), (callTag, answerTag));
        Assert.Equal(
            new Dictionary<object, object?> { ["type"] = "ocpp", ["cp"] = "CP1", ["dir"] = "recv", ["message_type"] = "CALL", ["message_id"] = "b-1", ["action"] = "BootNotification" },
            Without(call, "msg"));
        Assert.Equal("United Chargers", Msg(call)["chargePointVendor"]);
        Assert.Equal(
            new Dictionary<object, object?> { ["type"] = "ocpp", ["cp"] = "CP1", ["dir"] = "send", ["message_type"] = "CALLRESULT", ["message_id"] = "b-1", ["action"] = "BootNotification" },
            Without(answer, "msg"));
        Assert.Equal(60L, Msg(answer)["interval"]);
    }

    [Theory]
    [InlineData("Heartbeat", "ocpp.heartbeat")]
    [InlineData("StatusNotification", "ocpp.status")]
    [InlineData("MeterValues", "ocpp.meter")]
    [InlineData("Authorize", "ocpp.authorize")]
    [InlineData("StartTransaction", "ocpp.transaction.start")]
    [InlineData("StopTransaction", "ocpp.transaction.stop")]
    [InlineData("DataTransfer", "ocpp.data_transfer")]
    [InlineData("FirmwareStatusNotification", "ocpp.firmware_status_notification")]
    [InlineData("SignCertificate", "ocpp.sign_certificate")]
    public async Task EncodeAsync_ActionCall_TaggedByEvent(string action, string tag)
    {
        var (actual, _) = await EncodeAsync(NewEncoder(), Received("CP1", $$"""[2,"x","{{action}}",{}]"""));
        Assert.Equal(tag, actual);
    }

    [Fact]
    public async Task EncodeAsync_ServerCallAndChargerAnswer_AnswerTaggedLikeCall()
    {
        var encoder = NewEncoder();
        var (callTag, call) = await EncodeAsync(encoder, Sent("CP1", """[2,"s-9","RemoteStartTransaction",{"idTag":"anonymous","connectorId":1}]"""));
        var (answerTag, answer) = await EncodeAsync(encoder, Received("CP1", """[3,"s-9",{"status":"Accepted"}]"""));

        Assert.Equal(("ocpp.remote_start_transaction", "ocpp.remote_start_transaction"), (callTag, answerTag));
        Assert.Equal(("send", "CALL"), (call["dir"], call["message_type"]));
        Assert.Equal(("recv", "CALLRESULT", "RemoteStartTransaction"), (answer["dir"], answer["message_type"], answer["action"]));
    }

    [Fact]
    public async Task EncodeAsync_SameIdOtherDirectionOrCharger_NotMistakenForTheAnswer()
    {
        var encoder = NewEncoder();
        await EncodeAsync(encoder, Received("CP1", """[2,"1","Heartbeat",{}]"""));

        // An answer from the charger to id "1" would answer a server call, not its own.
        var (wrongWay, _) = await EncodeAsync(encoder, Received("CP1", """[3,"1",{}]"""));
        var (otherCharger, _) = await EncodeAsync(encoder, Sent("CP2", """[3,"1",{}]"""));
        var (right, _) = await EncodeAsync(encoder, Sent("CP1", """[3,"1",{"currentTime":"2026-11-01T12:00:00Z"}]"""));
        var (repeated, _) = await EncodeAsync(encoder, Sent("CP1", """[3,"1",{}]"""));

        Assert.Equal(["ocpp.unknown", "ocpp.unknown", "ocpp.heartbeat", "ocpp.unknown"], [wrongWay, otherCharger, right, repeated]);
    }

    [Fact]
    public async Task EncodeAsync_CallError_ErrorFieldsAndCallsAction()
    {
        var encoder = NewEncoder();
        await EncodeAsync(encoder, Received("CP1", """[2,"m1","MeterValues",{"connectorId":1}]"""));
        var (tag, error) = await EncodeAsync(encoder, Sent("CP1", """[4,"m1","FormationViolation","meterValue is required",{"field":"meterValue"}]"""));

        Assert.Equal("ocpp.meter", tag);
        Assert.Equal(("CALLERROR", "MeterValues", "m1"), (error["message_type"], error["action"], error["message_id"]));
        Assert.Equal("FormationViolation", Msg(error)["errorCode"]);
        Assert.Equal("meterValue is required", Msg(error)["errorDescription"]);
        Assert.Equal("meterValue", ((Dictionary<object, object?>)Msg(error)["errorDetails"]!)["field"]);
    }

    [Fact]
    public async Task EncodeAsync_CallErrorWithoutDetails_Accepted()
    {
        var (_, error) = await EncodeAsync(NewEncoder(), Received("CP1", """[4,"z","NotImplemented",""]"""));
        Assert.Equal("CALLERROR", error["message_type"]);
        Assert.Equal(["errorCode", "errorDescription"], Msg(error).Keys);
        Assert.Null(error["action"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"a\":1}")]
    [InlineData("[5,\"x\",{}]")]
    [InlineData("[2,\"x\",\"Heartbeat\"]")]
    [InlineData("[2,\"x\",\"Heartbeat\",{},1]")]
    [InlineData("[3,7,{}]")]
    [InlineData("[2,\"x\",\"Heartbeat\",{}] trailing")]
    [InlineData("[4,\"x\",\"c\"]")]
    [InlineData("[2,\"x\",\"Heartbeat\",{\"a\":")]
    public async Task EncodeAsync_NotOcppJ_InvalidRecordWithRawText(string frame)
    {
        var (tag, record) = await EncodeAsync(NewEncoder(), Received("CP1", frame));
        Assert.Equal("ocpp.unknown", tag);
        Assert.Equal(("INVALID", null, null, null), (record["message_type"], record["message_id"], record["action"], record["msg"]));
        Assert.Equal(frame, record["raw"]);
    }

    [Fact]
    public async Task EncodeAsync_InvalidUtf8Frame_RawHasReplacementCharacter()
    {
        byte[] frame = [(byte)'[', (byte)'2', (byte)',', (byte)'"', 0xff, (byte)'"', (byte)']'];
        var encoder = NewEncoder();
        await encoder.EncodeAsync(new AuditEntry(AuditEntryKind.FrameReceived, 0, "CP1", null, frame.Length), frame, CancellationToken.None);
        var record = (Dictionary<object, object?>)MsgPackDecoder.Decode(encoder.Record)!;
        Assert.Equal("[2,\"\ufffd\"]", record["raw"]);
    }

    [Fact]
    public async Task EncodeAsync_UnknownAction_ActionAsSentButUnknownTag()
    {
        var encoder = NewEncoder();
        var (tag, call) = await EncodeAsync(encoder, Received("CP1", """[2,"q","MakeCoffee",{"sugar":2}]"""));
        var (answerTag, answer) = await EncodeAsync(encoder, Sent("CP1", """[4,"q","NotImplemented","unknown action",{}]"""));
        Assert.Equal(("ocpp.unknown", "ocpp.unknown"), (tag, answerTag));
        Assert.Equal(("MakeCoffee", "MakeCoffee"), (call["action"], answer["action"]));
    }

    [Fact]
    public async Task EncodeAsync_StopAfterSeenStart_EnergyIsMeterStopMinusMeterStart()
    {
        var encoder = NewEncoder();
        await EncodeAsync(encoder, Received("CP1", """[2,"s","StartTransaction",{"connectorId":1,"idTag":"T","meterStart":1000,"timestamp":"2026-11-01T12:00:00Z"}]"""));
        await EncodeAsync(encoder, Sent("CP1", """[3,"s",{"transactionId":7,"idTagInfo":{"status":"Accepted"}}]"""));
        var (tag, stop) = await EncodeAsync(encoder, Received("CP1", """[2,"e","StopTransaction",{"transactionId":7,"meterStop":4500,"timestamp":"2026-11-01T13:00:00Z"}]"""));
        var (_, stopAnswer) = await EncodeAsync(encoder, Sent("CP1", """[3,"e",{}]"""));

        Assert.Equal("ocpp.transaction.stop", tag);
        Assert.Equal(3500L, stop["energy_wh"]);
        Assert.False(stopAnswer.ContainsKey("energy_wh"));
    }

    [Fact]
    public async Task EncodeAsync_NumbersAsStrings_EnergyStillComputed()
    {
        var encoder = NewEncoder();
        await EncodeAsync(encoder, Received("CP1", """[2,"s","StartTransaction",{"connectorId":1,"idTag":"T","meterStart":"1000","timestamp":"2026-11-01T12:00:00Z"}]"""));
        await EncodeAsync(encoder, Sent("CP1", """[3,"s",{"transactionId":7,"idTagInfo":{"status":"Accepted"}}]"""));
        var (_, stop) = await EncodeAsync(encoder, Received("CP1", """[2,"e","StopTransaction",{"transactionId":"7","meterStop":"1250.5","timestamp":"2026-11-01T13:00:00Z"}]"""));
        Assert.Equal(250.5, stop["energy_wh"]);
    }

    [Fact]
    public async Task EncodeAsync_StopOfUnseenStart_EnergyFromLookup()
    {
        var lookup = new FixedLookup { ["CP1", 12] = 20_000 };
        var encoder = NewEncoder(lookup);
        var (_, stop) = await EncodeAsync(encoder, Received("CP1", """[2,"e","StopTransaction",{"transactionId":12,"meterStop":26500,"timestamp":"2026-11-01T13:00:00Z"}]"""));
        var (_, repeated) = await EncodeAsync(encoder, Received("CP1", """[2,"f","StopTransaction",{"transactionId":12,"meterStop":26500,"timestamp":"2026-11-01T13:00:00Z"}]"""));

        Assert.Equal(6500L, stop["energy_wh"]);
        Assert.Equal(6500L, repeated["energy_wh"]);
        Assert.Equal(1, lookup.Calls);
    }

    [Fact]
    public async Task EncodeAsync_MeterWentBackwards_NegativeEnergyAsTheStoreRecordsIt()
    {
        var encoder = NewEncoder(new FixedLookup { ["CP1", 12] = 20_000 });
        var (_, stop) = await EncodeAsync(encoder, Received("CP1", """[2,"e","StopTransaction",{"transactionId":12,"meterStop":100}]"""));
        Assert.Equal(-19_900L, stop["energy_wh"]);
    }

    [Theory]
    [InlineData("""{"transactionId":99,"meterStop":30000}""")]
    [InlineData("""{"transactionId":12}""")]
    [InlineData("""{"meterStop":30000}""")]
    [InlineData("""{"transactionId":12.5,"meterStop":30000}""")]
    [InlineData("""{"transactionId":12,"meterStop":"lots"}""")]
    public async Task EncodeAsync_EnergyUnknown_NoEnergyField(string payload)
    {
        var encoder = NewEncoder(new FixedLookup { ["CP1", 12] = 20_000 });
        var (_, stop) = await EncodeAsync(encoder, Received("CP1", $$"""[2,"e","StopTransaction",{{payload}}]"""));
        Assert.False(stop.ContainsKey("energy_wh"));
        Assert.Equal("CALL", stop["message_type"]);
    }

    [Fact]
    public async Task EncodeAsync_LookupFails_RecordWithoutEnergy()
    {
        var encoder = NewEncoder(new FixedLookup { Fails = true });
        var (_, stop) = await EncodeAsync(encoder, Received("CP1", """[2,"e","StopTransaction",{"transactionId":12,"meterStop":30000}]"""));
        Assert.False(stop.ContainsKey("energy_wh"));
    }

    [Fact]
    public async Task EncodeAsync_ConnectionEvents_WebSocketRecords()
    {
        var encoder = NewEncoder();
        var connect = await encoder.EncodeAsync(new AuditEntry(AuditEntryKind.Connected, 0, "CP1", "192.168.1.100:54321", 0), ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        var connectRecord = MsgPackDecoder.Decode(encoder.Record);
        var disconnect = await encoder.EncodeAsync(new AuditEntry(AuditEntryKind.Disconnected, 0, "CP1", null, 0), ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        var disconnectRecord = MsgPackDecoder.Decode(encoder.Record);

        Assert.Equal(("ocpp.websocket", "ocpp.websocket"), (Tags[connect], Tags[disconnect]));
        Assert.Equal(new Dictionary<object, object?> { ["type"] = "ws", ["cp"] = "CP1", ["event"] = "connect", ["remote_addr"] = "192.168.1.100:54321" }, connectRecord);
        Assert.Equal(new Dictionary<object, object?> { ["type"] = "ws", ["cp"] = "CP1", ["event"] = "disconnect", ["remote_addr"] = null }, disconnectRecord);
    }

    [Fact]
    public async Task EncodeAsync_ManyUnansweredCalls_OldestForgottenNewestStillMatched()
    {
        var encoder = NewEncoder();
        for (var i = 0; i < 100; i++)
        {
            await EncodeAsync(encoder, Sent("CP1", $$"""[2,"c{{i}}","GetConfiguration",{}]"""));
        }

        var (oldest, _) = await EncodeAsync(encoder, Received("CP1", """[3,"c0",{}]"""));
        var (newest, _) = await EncodeAsync(encoder, Received("CP1", """[3,"c99",{}]"""));
        Assert.Equal(("ocpp.unknown", "ocpp.get_configuration"), (oldest, newest));
    }

    [Fact]
    public void CallCorrelation_Disconnected_ForgetsOnlyChargersWithoutPendingCalls()
    {
        var calls = new CallCorrelation();
        calls.Called("CP1", Levity.Silo.Audit.AuditDirection.Received, "1", new PendingCall("Heartbeat", null, null));
        calls.Called("CP2", Levity.Silo.Audit.AuditDirection.Received, "1", new PendingCall("Heartbeat", null, null));
        Assert.True(calls.TryAnswer("CP2", Levity.Silo.Audit.AuditDirection.Sent, "1", out _));

        calls.Disconnected("CP1");
        calls.Disconnected("CP2");

        // CP1's newer session still waits for its answer; CP2 had nothing left.
        Assert.Equal(1, calls.ChargerCount);
        Assert.True(calls.TryAnswer("CP1", Levity.Silo.Audit.AuditDirection.Sent, "1", out var call));
        Assert.Equal("Heartbeat", call.ActionName);
    }

    private static AuditRecordEncoder NewEncoder(ITransactionStartLookup? lookup = null) => new(lookup, NullLogger.Instance);

    private static (AuditEntry Entry, byte[] Frame) Received(string chargePointId, string frame) => Entry(AuditEntryKind.FrameReceived, chargePointId, frame);

    private static (AuditEntry Entry, byte[] Frame) Sent(string chargePointId, string frame) => Entry(AuditEntryKind.FrameSent, chargePointId, frame);

    private static (AuditEntry Entry, byte[] Frame) Entry(AuditEntryKind kind, string chargePointId, string frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);
        return (new AuditEntry(kind, 0, chargePointId, null, bytes.Length), bytes);
    }

    private static async Task<(string Tag, Dictionary<object, object?> Record)> EncodeAsync(AuditRecordEncoder encoder, (AuditEntry Entry, byte[] Frame) input)
    {
        var tagId = await encoder.EncodeAsync(input.Entry, input.Frame, CancellationToken.None);
        return (Tags[tagId], (Dictionary<object, object?>)MsgPackDecoder.Decode(encoder.Record)!);
    }

    private static Dictionary<object, object?> Msg(Dictionary<object, object?> record) => (Dictionary<object, object?>)record["msg"]!;

    private static Dictionary<object, object?> Without(Dictionary<object, object?> record, string key) =>
        record.Where(kv => !Equals(kv.Key, key)).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>Stands in for the store (the server tests use the real one).</summary>
    private sealed class FixedLookup : ITransactionStartLookup
    {
        private readonly Dictionary<(string, int), long> _starts = [];

        public int Calls { get; private set; }

        public bool Fails { get; init; }

        public long this[string chargePointId, int transactionId]
        {
            set => _starts[(chargePointId, transactionId)] = value;
        }

        public ValueTask<long?> GetMeterStartAsync(string chargePointId, int transactionId, CancellationToken cancellationToken)
        {
            Calls++;
            if (Fails)
            {
                throw new InvalidOperationException("store unavailable");
            }

            return ValueTask.FromResult(_starts.TryGetValue((chargePointId, transactionId), out var start) ? start : (long?)null);
        }
    }
}
