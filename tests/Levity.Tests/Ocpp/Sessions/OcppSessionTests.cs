using System.Text;
using Levity.Ocpp;
using Levity.Ocpp.Calls;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Sessions;
using Levity.Ocpp.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Levity.Tests.Ocpp.Sessions;

public sealed class OcppSessionTests : IDisposable
{
    private readonly SessionFixture _fixture = new();

    [Fact]
    public void Receive_ValidCall_ReturnsTypedRequestWithItsMessageId()
    {
        using var session = _fixture.Connect("CP-1");

        var inbound = session.Receive(Bytes("""[2,"42","StartTransaction",{"connectorId":1,"idTag":"04E1A2B3","meterStart":1500,"timestamp":"2026-11-21T11:41:37Z"}]"""));

        Assert.Equal(OcppInboundKind.Request, inbound.Kind);
        Assert.Equal("42", inbound.MessageId);
        var request = Assert.IsType<StartTransactionRequest>(inbound.Request);
        Assert.Equal(new StartTransactionRequest(1, "04E1A2B3", 1500, new DateTimeOffset(2026, 11, 21, 11, 41, 37, TimeSpan.Zero)), request);
        Assert.Empty(_fixture.Logger.Entries);
    }

    [Fact]
    public void Receive_UnknownAction_RepliesNotImplemented()
    {
        using var session = _fixture.Connect("CP-1");

        var inbound = session.Receive(Bytes("""[2,"7","GetVariables",{}]"""));

        var reply = SessionFixture.ParseReply(inbound.Reply);
        Assert.Equal(OcppInboundKind.Reply, inbound.Kind);
        Assert.Equal("7", reply.MessageId);
        Assert.Equal(OcppErrorCode.NotImplemented, reply.ErrorCode);
        Assert.Contains("GetVariables", reply.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_ChargerSendsCentralSystemAction_RepliesNotSupported()
    {
        using var session = _fixture.Connect("CP-1");

        var inbound = session.Receive(Bytes("""[2,"8","RemoteStartTransaction",{"idTag":"X"}]"""));

        Assert.Equal(OcppErrorCode.NotSupported, SessionFixture.ParseReply(inbound.Reply).ErrorCode);
    }

    [Fact]
    public void Receive_InvalidPayload_RepliesWithCodeNamingTheFieldAndLogs()
    {
        using var session = _fixture.Connect("CP-9");

        var inbound = session.Receive(Bytes("""[2,"9","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-11-21T11:41:37Z","sampledValue":[{"value":"1"},{"value":"n/a"}]}]}]"""));

        var reply = SessionFixture.ParseReply(inbound.Reply);
        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, reply.ErrorCode);
        Assert.StartsWith("meterValue[0].sampledValue[1].value: expected a number", reply.ErrorDescription, StringComparison.Ordinal);
        var entry = Assert.Single(_fixture.Logger.Entries);
        Assert.Equal(2003, entry.EventId.Id);
        Assert.Contains("CP-9", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_GarbageWithoutMessageId_DroppedAndLoggedWithBoundedExcerpt()
    {
        using var session = _fixture.Connect("CP-2");

        var inbound = session.Receive(Bytes("GET / HTTP/1.1\r\n" + new string('x', 1000)));

        Assert.Equal(OcppInboundKind.Dropped, inbound.Kind);
        Assert.True(inbound.Reply.IsEmpty);
        var entry = Assert.Single(_fixture.Logger.Entries);
        Assert.Equal(2002, entry.EventId.Id);
        Assert.Contains("CP-2", entry.Message, StringComparison.Ordinal);
        Assert.Contains("GET / HTTP/1.1??xxx", entry.Message, StringComparison.Ordinal);
        Assert.True(entry.Message.Length < 400, entry.Message);
    }

    [Fact]
    public void Receive_ToleratedDeviation_LoggedOncePerChargerAndCountedEveryTime()
    {
        const string Frame = """[2,"1","Heartbeat",{"uptime":5}]""";
        using (var first = _fixture.Connect("CP-3"))
        {
            Assert.Equal(OcppInboundKind.Request, first.Receive(Bytes(Frame)).Kind);
            Assert.Equal(OcppInboundKind.Request, first.Receive(Bytes(Frame)).Kind);
        }

        using var reconnected = _fixture.Connect("CP-3");
        reconnected.Receive(Bytes(Frame));
        using var other = _fixture.Connect("CP-4");
        other.Receive(Bytes(Frame));

        var logged = _fixture.Logger.Entries.Where(e => e.EventId.Id == 2004).ToList();
        Assert.Equal(2, logged.Count);
        Assert.Contains("CP-3", logged[0].Message, StringComparison.Ordinal);
        Assert.Contains("UnknownProperty", logged[0].Message, StringComparison.Ordinal);
        Assert.Equal(4, _fixture.ToleranceCount("UnknownProperty"));
        Assert.Equal(OcppTolerance.UnknownProperty, reconnected.Tolerances.Seen);
    }

    [Fact]
    public void Receive_StrictValidation_RefusesWhatTolerantModeAccepts()
    {
        using var strict = new SessionFixture(strict: true);
        using var session = strict.Connect("CP-5");

        var inbound = session.Receive(Bytes("""[2,"1","Heartbeat",{"uptime":5}]"""));

        var reply = SessionFixture.ParseReply(inbound.Reply);
        Assert.Equal(OcppErrorCode.FormationViolation, reply.ErrorCode);
        Assert.StartsWith("uptime:", reply.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_CallResult_CompletesOutstandingCall()
    {
        using var session = _fixture.Connect("CP-6");
        var pending = session.Calls.CallAsync(new TriggerMessageRequest(MessageTrigger.StatusNotification, ConnectorId: 1));
        var id = Assert.IsType<OcppCall>(OcppFrameParser.Parse(_fixture.Sent[0]).Frame).MessageId;

        var unmatched = session.Receive(Bytes("""[3,"someone-else",{"status":"Accepted"}]"""));
        var handled = session.Receive(Bytes($$"""[3,"{{id}}",{"status":"Accepted"}]"""));

        Assert.Equal(OcppInboundKind.Dropped, unmatched.Kind);
        Assert.Equal(2005, Assert.Single(_fixture.Logger.Entries).EventId.Id);
        Assert.Equal(OcppInboundKind.Handled, handled.Kind);
        Assert.Equal(TriggerMessageStatus.Accepted, (await pending).Status);
    }

    [Fact]
    public async Task Receive_CallErrorForOutstandingCall_FailsItWithTypedException()
    {
        using var session = _fixture.Connect("CP-6");
        var pending = session.Calls.CallAsync(new UnlockConnectorRequest(1));
        var id = Assert.IsType<OcppCall>(OcppFrameParser.Parse(_fixture.Sent[0]).Frame).MessageId;

        Assert.Equal(OcppInboundKind.Handled, session.Receive(Bytes($$"""[4,"{{id}}","InternalError","motor stuck",{}]""")).Kind);

        var exception = await Assert.ThrowsAsync<OcppCallErrorException>(() => pending);
        Assert.Equal(OcppErrorCode.InternalError, exception.ErrorCode);
    }

    [Fact]
    public async Task Receive_TruncatedCallResult_FailsTheCallAtOnceInsteadOfTimingOut()
    {
        using var session = _fixture.Connect("GRS-1");
        var pending = session.Calls.CallAsync(new GetConfigurationRequest(["WebSocketPingInterval"]));
        var id = Assert.IsType<OcppCall>(OcppFrameParser.Parse(_fixture.Sent[0]).Frame).MessageId;

        var inbound = session.Receive(Bytes($$"""[3,"{{id}}",{"configurationKey":[]"""));

        Assert.Equal(OcppInboundKind.Handled, inbound.Kind);
        var exception = await Assert.ThrowsAsync<OcppInvalidPayloadException>(() => pending);
        Assert.Equal(OcppErrorCode.ProtocolError, exception.Error.Code);
        Assert.Equal(2006, Assert.Single(_fixture.Logger.Entries).EventId.Id);
    }

    [Fact]
    public async Task Close_PendingCalls_FailAtOnce()
    {
        var session = _fixture.Connect("CP-7");
        var pending = session.Calls.CallAsync(new ResetRequest(ResetType.Hard));

        session.Close();

        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => pending);
    }

    [Fact]
    public void AddOcppProtocol_InvalidOptions_FailOnFirstUse()
    {
        using var services = new ServiceCollection()
            .AddOcppProtocol()
            .Configure<OcppProtocolOptions>(o => o.ResponseTimeout = TimeSpan.Zero)
            .BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OcppProtocolOptions>>().Value);
        Assert.Contains("ResponseTimeout", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOcppProtocol_Defaults_AreTheDocumentedOnes()
    {
        using var services = new ServiceCollection().AddOcppProtocol().BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<OcppProtocolOptions>>().Value;

        Assert.Equal(1_048_576, options.MaxFrameBytes);
        Assert.Equal(36, options.MaxMessageIdLength);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ResponseTimeout);
        Assert.False(options.StrictValidation);
        Assert.NotNull(services.GetRequiredService<OcppSessionFactory>());
        Assert.NotNull(services.GetRequiredService<ILogger<OcppSessionTests>>());
    }

    public void Dispose() => _fixture.Dispose();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
