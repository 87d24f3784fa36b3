using System.Text;
using Levity.Ocpp;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Validation;

namespace Levity.Tests.Ocpp.Framing;

public sealed class OcppFrameParserTests
{
    [Fact]
    public void Parse_Call_ResolvesActionAndSlicesPayload()
    {
        var frame = Bytes("""
            [2, "19223201", "BootNotification",
              {"chargePointVendor": "VendorX", "chargePointModel": "SingleSocketCharger"}]
            """);

        var result = OcppFrameParser.Parse(frame);

        var call = Assert.IsType<OcppCall>(result.Frame);
        Assert.Equal("19223201", call.MessageId);
        Assert.Equal("BootNotification", call.Action);
        Assert.Same(OcppActions.Get(OcppAction.BootNotification), call.ActionInfo);
        Assert.Equal("""{"chargePointVendor": "VendorX", "chargePointModel": "SingleSocketCharger"}""", Encoding.UTF8.GetString(call.Payload.Span));
    }

    [Fact]
    public void Parse_EscapedIdAndAction_Unescaped()
    {
        var call = Assert.IsType<OcppCall>(OcppFrameParser.Parse(Bytes("""[2,"a\"b","Heart\u0062eat",{}]""")).Frame);

        Assert.Equal("a\"b", call.MessageId);
        Assert.Equal(OcppAction.Heartbeat, call.ActionInfo!.Action);
    }

    [Fact]
    public void Parse_UnknownAction_CallWithoutActionInfo()
    {
        var call = Assert.IsType<OcppCall>(OcppFrameParser.Parse(Bytes("""[2,"1","FooBar",{}]""")).Frame);

        Assert.Equal("FooBar", call.Action);
        Assert.Null(call.ActionInfo);
    }

    [Fact]
    public void Parse_CallResult_SlicesPayload()
    {
        var result = Assert.IsType<OcppCallResult>(OcppFrameParser.Parse(Bytes("""[3,"x-1",{"status":"Accepted"}]""")).Frame);

        Assert.Equal("x-1", result.MessageId);
        Assert.Equal("""{"status":"Accepted"}""", Encoding.UTF8.GetString(result.Payload.Span));
    }

    [Fact]
    public void Parse_CallError_ReadsCodeDescriptionAndDetails()
    {
        var error = Assert.IsType<OcppCallError>(OcppFrameParser.Parse(Bytes("""[4,"x-1","NotSupported","no smart charging",{"a":[1]}]""")).Frame);

        Assert.Equal(OcppErrorCode.NotSupported, error.ErrorCode);
        Assert.Equal("NotSupported", error.ErrorCodeText);
        Assert.Equal("no smart charging", error.ErrorDescription);
        Assert.Equal("""{"a":[1]}""", Encoding.UTF8.GetString(error.ErrorDetails.Span));
    }

    [Theory]
    [InlineData("FormatViolation", OcppErrorCode.FormationViolation)]
    [InlineData("OccurrenceConstraintViolation", OcppErrorCode.OccurenceConstraintViolation)]
    [InlineData("SomethingElse", OcppErrorCode.GenericError)]
    public void Parse_CallErrorWithNonSpecCode_MappedAndTextKept(string sent, OcppErrorCode expected)
    {
        var error = Assert.IsType<OcppCallError>(OcppFrameParser.Parse(Bytes($$"""[4,"1","{{sent}}","",{}]""")).Frame);

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(expected == OcppErrorCode.GenericError ? sent : expected.ToWireName(), error.ErrorCodeText);
    }

    [Fact]
    public void Parse_CallErrorWithoutDetails_ToleratedUnlessStrict()
    {
        var frame = Bytes("""[4,"1","InternalError","boom"]""");

        var tolerant = OcppFrameParser.Parse(frame);
        var strict = OcppFrameParser.Parse(frame, new OcppParseOptions { Mode = OcppValidationMode.Strict });

        Assert.Equal("{}", Encoding.UTF8.GetString(Assert.IsType<OcppCallError>(tolerant.Frame).ErrorDetails.Span));
        Assert.Equal(OcppTolerance.MissingErrorDetails, tolerant.Tolerances);
        Assert.Equal(OcppErrorCode.ProtocolError, strict.Error!.Code);
    }

    public static TheoryData<string, OcppErrorCode, string?, bool> Malformed => new()
    {
        { "", OcppErrorCode.ProtocolError, null, false },
        { "  \r\n", OcppErrorCode.ProtocolError, null, false },
        { "{}", OcppErrorCode.ProtocolError, null, false },
        { "hello", OcppErrorCode.FormationViolation, null, false },
        { "[]", OcppErrorCode.ProtocolError, null, false },
        { "[2]", OcppErrorCode.ProtocolError, null, false },
        { "[2,123,\"Heartbeat\",{}]", OcppErrorCode.ProtocolError, null, false },
        { "[2,\"\",\"Heartbeat\",{}]", OcppErrorCode.ProtocolError, null, false },
        { "[2,\"id\"]", OcppErrorCode.ProtocolError, "id", true },
        { "[2,\"id\",\"Heartbeat\"]", OcppErrorCode.ProtocolError, "id", true },
        { "[2,\"id\",\"Heartbeat\",{},{}]", OcppErrorCode.ProtocolError, "id", true },
        { "[2,\"id\",5,{}]", OcppErrorCode.ProtocolError, "id", true },
        { "[2,\"id\",\"Heartbeat\",[]]", OcppErrorCode.FormationViolation, "id", true },
        { "[2,\"id\",\"Heartbeat\",\"{}\"]", OcppErrorCode.FormationViolation, "id", true },
        { "[2,\"id\",\"Heartbeat\",{}] x", OcppErrorCode.FormationViolation, "id", true },
        { "[2,\"id\",\"Heartbeat\",{}][]", OcppErrorCode.FormationViolation, "id", true },
        { "[5,\"id\",{}]", OcppErrorCode.ProtocolError, "id", true },
        { "[\"2\",\"id\",\"Heartbeat\",{}]", OcppErrorCode.ProtocolError, "id", true },
        { "[2,\"0123456789012345678901234567890123456\",\"Heartbeat\",{}]", OcppErrorCode.ProtocolError, "0123456789012345678901234567890123456", true },
        { "[2,\"id\",\"Heartbeat\",{\"a\":}]", OcppErrorCode.FormationViolation, "id", true },
        { "[2,\"id\",\"Heartbeat\",{", OcppErrorCode.ProtocolError, "id", true },
        { "[2,\"id\",\"Heartbeat\",{}", OcppErrorCode.ProtocolError, "id", true },
        { "[3,\"id\",{}", OcppErrorCode.ProtocolError, "id", false },
        { "[3,\"id\",[]]", OcppErrorCode.FormationViolation, "id", false },
        { "[4,\"id\",\"InternalError\"]", OcppErrorCode.ProtocolError, "id", false },
        { "[4,\"id\",\"InternalError\",\"x\",[]]", OcppErrorCode.ProtocolError, "id", false },
        { "[4,\"id\",7,\"x\",{}]", OcppErrorCode.ProtocolError, "id", false },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_MalformedFrame_PreciseErrorAndRecoveredId(string text, OcppErrorCode code, string? recoveredId, bool canReply)
    {
        var result = OcppFrameParser.Parse(Bytes(text));

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(recoveredId, result.Error.MessageId);
        Assert.Equal(canReply, result.Error.CanReply);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Description));
    }

    [Fact]
    public void Parse_MessageIdOf36Characters_Accepted()
    {
        var id = new string('a', 36);

        Assert.True(OcppFrameParser.Parse(Bytes($$"""[2,"{{id}}","Heartbeat",{}]""")).IsSuccess);
    }

    [Fact]
    public void Parse_OversizedFrame_RefusedWithIdFromItsHead()
    {
        var options = new OcppParseOptions { MaxFrameBytes = 1024 };
        var frame = Bytes($$"""[2,"big-1","DataTransfer",{"vendorId":"v","data":"{{new string('x', 2000)}}"}]""");

        var result = OcppFrameParser.Parse(frame, options);

        Assert.Equal(OcppErrorCode.ProtocolError, result.Error!.Code);
        Assert.Equal("big-1", result.Error.MessageId);
        Assert.True(result.Error.CanReply);
        Assert.Contains("1024", result.Error.Description, StringComparison.Ordinal);
        Assert.True(result.Error.Excerpt.Length <= OcppFrameParser.ExcerptLength + 3);
    }

    [Fact]
    public void Parse_InvalidUtf8InMessageId_RefusedWithoutThrowing()
    {
        byte[] frame = [.. "[2,\""u8, 0xFF, 0xFE, .. "\",\"Heartbeat\",{}]"u8];

        var result = OcppFrameParser.Parse(frame);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Error.MessageId);
    }

    [Fact]
    public void Parse_DeepNesting_RefusedWithoutThrowing()
    {
        var frame = Bytes($$"""[2,"deep","DataTransfer",{{new string('[', 5000)}}""");

        var result = OcppFrameParser.Parse(frame);

        Assert.False(result.IsSuccess);
        Assert.Equal("deep", result.Error.MessageId);
    }

    [Fact]
    public void Excerpt_ControlCharactersAndLength_Sanitized()
    {
        var excerpt = OcppFrameParser.Excerpt(Bytes("[2,\"a\"\n\t" + new string('x', 500)));

        Assert.DoesNotContain('\n', excerpt);
        Assert.EndsWith("...", excerpt, StringComparison.Ordinal);
        Assert.Equal(OcppFrameParser.ExcerptLength + 3, excerpt.Length);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
