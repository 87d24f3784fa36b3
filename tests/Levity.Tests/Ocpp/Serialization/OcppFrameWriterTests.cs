using System.Buffers;
using System.Text;
using Levity.Ocpp;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Serialization;

namespace Levity.Tests.Ocpp.Serialization;

public sealed class OcppFrameWriterTests
{
    [Fact]
    public void WriteCallResult_TypedResponse_WritesSpecSpellingsAndUtcTimes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var response = new BootNotificationResponse(RegistrationStatus.Accepted, new DateTimeOffset(2026, 11, 21, 12, 41, 37, 907, TimeSpan.FromHours(1)), 300);

        OcppFrameWriter.WriteCallResult(buffer, "19223201", response);

        Assert.Equal("""[3,"19223201",{"status":"Accepted","currentTime":"2026-11-21T11:41:37.907Z","interval":300}]""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void WriteCall_TypedRequest_OmitsAbsentOptionalFields()
    {
        var buffer = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCall(buffer, "a-1", new RemoteStartTransactionRequest("TAG+1<>&'", ConnectorId: 1));

        Assert.Equal("""[2,"a-1","RemoteStartTransaction",{"idTag":"TAG+1<>&'","connectorId":1}]""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void WriteCallResult_EmptyResponse_WritesEmptyObject()
    {
        var buffer = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCallResult(buffer, "7", new MeterValuesResponse(), OcppJsonContext.Default.MeterValuesResponse);

        Assert.Equal("""[3,"7",{}]""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void WriteCallError_QuotesInDescription_EscapedAndDetailsDefaultToEmptyObject()
    {
        var buffer = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCallError(buffer, "7", OcppErrorCode.OccurenceConstraintViolation, "idTag: \"x\" missing");

        Assert.Equal("""[4,"7","OccurenceConstraintViolation","idTag: \"x\" missing",{}]""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void WriteCallError_LongDescription_Bounded()
    {
        var buffer = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCallError(buffer, "7", OcppErrorCode.GenericError, new string('x', 1000));

        var frame = OcppFrameParser.Parse(buffer.WrittenMemory);
        Assert.Equal(OcppError.MaxDescriptionLength, Assert.IsType<OcppCallError>(frame.Frame).ErrorDescription.Length);
    }

    [Fact]
    public void WriteCall_RawPayload_ParsesBackToTheSameFrame()
    {
        var buffer = new ArrayBufferWriter<byte>();

        OcppFrameWriter.WriteCall(buffer, "op-1", "DataTransfer", """{"vendorId":"com.example","data":"{\"a\":1}"}"""u8);

        var call = Assert.IsType<OcppCall>(OcppFrameParser.Parse(buffer.WrittenMemory).Frame);
        Assert.Equal("DataTransfer", call.Action);
        Assert.Equal("""{"vendorId":"com.example","data":"{\"a\":1}"}""", Encoding.UTF8.GetString(call.Payload.Span));
    }
}
