using System.Text;
using Levity.Ocpp;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Calls;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Validation;
using Levity.Tests.Support;

namespace Levity.Tests.Ocpp.Calls;

public sealed class OcppOutgoingCallsTests
{
    private readonly TimerCountingClock _time = new();
    private readonly List<OcppCall> _sent = [];
    private readonly List<(OcppActionInfo Action, OcppTolerance Tolerances)> _tolerances = [];

    [Fact]
    public async Task CallAsync_ChargerAnswers_ReturnsTypedResponse()
    {
        using var calls = Create();

        var pending = calls.CallAsync(new ChangeConfigurationRequest("MeterValueSampleInterval", "60"));
        var call = Assert.Single(_sent);
        Assert.Equal("ChangeConfiguration", call.Action);
        Assert.Equal("""{"key":"MeterValueSampleInterval","value":"60"}""", Encoding.UTF8.GetString(call.Payload.Span));
        Assert.True(calls.TryComplete(Result(call.MessageId, """{"status":"RebootRequired"}""")));

        var response = await pending;
        Assert.Equal(ConfigurationStatus.RebootRequired, response.Status);
        Assert.Null(calls.OutstandingMessageId);
    }

    [Fact]
    public async Task CallAsync_WhileOneIsOutstanding_SendsNextOnlyAfterTheAnswer()
    {
        using var calls = Create();

        var first = calls.CallAsync(new ClearCacheRequest());
        var second = calls.CallAsync(new ResetRequest(ResetType.Soft));
        Assert.Single(_sent);
        Assert.Equal(1, calls.QueuedCount);

        calls.TryComplete(Result(_sent[0].MessageId, """{"status":"Accepted"}"""));
        Assert.Equal(2, _sent.Count);
        Assert.Equal("Reset", _sent[1].Action);
        calls.TryComplete(Result(_sent[1].MessageId, """{"status":"Rejected"}"""));

        Assert.Equal(ClearCacheStatus.Accepted, (await first).Status);
        Assert.Equal(ResetStatus.Rejected, (await second).Status);
    }

    [Fact]
    public async Task CallAsync_ManyCalls_UniqueShortMessageIds()
    {
        using var calls = Create(maxQueued: 0);
        for (var i = 0; i < 200; i++)
        {
            var pending = calls.CallAsync(new GetLocalListVersionRequest());
            calls.TryComplete(Result(_sent[^1].MessageId, """{"listVersion":1}"""));
            await pending;
        }

        Assert.Equal(200, _sent.Select(c => c.MessageId).Distinct().Count());
        Assert.All(_sent, c => Assert.InRange(c.MessageId.Length, 1, 36));
    }

    [Fact]
    public async Task CallAsync_QueueFull_ThrowsTypedExceptionWithoutSending()
    {
        using var calls = Create(maxQueued: 2);
        _ = calls.CallAsync(new ClearCacheRequest());
        _ = calls.CallAsync(new ClearCacheRequest());
        _ = calls.CallAsync(new ClearCacheRequest());

        var exception = await Assert.ThrowsAsync<OcppCallQueueFullException>(() => calls.CallAsync(new ClearCacheRequest()));

        Assert.Equal(2, exception.MaxQueuedCalls);
        Assert.Single(_sent);
        Assert.Equal(2, calls.QueuedCount);
    }

    [Fact]
    public async Task CallAsync_CallError_ThrowsTypedException()
    {
        using var calls = Create();
        var pending = calls.CallAsync(new SetChargingProfileRequest(1, Profile()));

        Assert.True(calls.TryComplete(new OcppCallError(_sent[0].MessageId, OcppErrorCode.NotSupported, "NotSupported", "no smart charging", """{"why":"firmware"}"""u8.ToArray())));

        var exception = await Assert.ThrowsAsync<OcppCallErrorException>(() => pending);
        Assert.Equal(OcppErrorCode.NotSupported, exception.ErrorCode);
        Assert.Equal("no smart charging", exception.ErrorDescription);
        Assert.Equal("""{"why":"firmware"}""", exception.ErrorDetails);
        Assert.Equal("SetChargingProfile", exception.Action);
    }

    [Fact]
    public async Task CallAsync_NoAnswerWithinTimeout_ThrowsTimeoutAndSendsNext()
    {
        using var calls = Create(timeout: TimeSpan.FromSeconds(5));
        var first = calls.CallAsync(new GetConfigurationRequest(["HeartbeatInterval"]));
        var second = calls.CallAsync(new ClearCacheRequest());

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(first.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        var exception = await Assert.ThrowsAsync<OcppCallTimeoutException>(() => first);
        Assert.Equal(TimeSpan.FromSeconds(5), exception.Timeout);
        Assert.Equal(2, _sent.Count);
        Assert.False(calls.TryComplete(Result(_sent[0].MessageId, """{"configurationKey":[]}""")));
        Assert.True(calls.TryComplete(Result(_sent[1].MessageId, """{"status":"Accepted"}""")));
        await second;
        Assert.Equal(0, _time.ActiveTimers);
    }

    [Fact]
    public async Task Close_PendingAndQueuedCalls_FailAtOnce()
    {
        var calls = Create();
        var outstanding = calls.CallAsync(new ClearCacheRequest());
        var queued = calls.CallAsync(new ClearCacheRequest());

        calls.Close();

        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => outstanding);
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => queued);
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => calls.CallAsync(new ClearCacheRequest()));
        Assert.Single(_sent);
        Assert.Equal(0, _time.ActiveTimers);
    }

    [Fact]
    public async Task CallAsync_QueuedCallCancelled_LeavesQueueAndOthersProceed()
    {
        using var calls = Create();
        using var cancellation = new CancellationTokenSource();
        var first = calls.CallAsync(new ClearCacheRequest());
        var cancelled = calls.CallAsync(new ResetRequest(ResetType.Hard), cancellation.Token);
        var third = calls.CallAsync(new GetLocalListVersionRequest());

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, calls.QueuedCount);
        calls.TryComplete(Result(_sent[0].MessageId, """{"status":"Accepted"}"""));
        Assert.Equal(["ClearCache", "GetLocalListVersion"], _sent.Select(c => c.Action));
        calls.TryComplete(Result(_sent[1].MessageId, """{"listVersion":3}"""));
        await first;
        Assert.Equal(3, (await third).ListVersion);
    }

    [Fact]
    public async Task CallAsync_OutstandingCallCancelled_KeepsTheSlotUntilAnswered()
    {
        using var calls = Create();
        using var cancellation = new CancellationTokenSource();
        var cancelled = calls.CallAsync(new ClearCacheRequest(), cancellation.Token);
        var next = calls.CallAsync(new ClearCacheRequest());

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Single(_sent);
        Assert.True(calls.TryComplete(Result(_sent[0].MessageId, """{"status":"Accepted"}""")));
        Assert.Equal(2, _sent.Count);
        calls.TryComplete(Result(_sent[1].MessageId, """{"status":"Accepted"}"""));
        await next;
    }

    [Fact]
    public async Task CallAsync_InvalidResponse_ThrowsInvalidPayload()
    {
        using var calls = Create();
        var pending = calls.CallAsync(new ClearCacheRequest());

        calls.TryComplete(Result(_sent[0].MessageId, """{"status":"Maybe"}"""));

        var exception = await Assert.ThrowsAsync<OcppInvalidPayloadException>(() => pending);
        Assert.True(exception.IsResponse);
        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, exception.Error.Code);
        Assert.StartsWith("status:", exception.Error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_ResponseNeedingTolerance_ReadAndReported()
    {
        using var calls = Create();
        var pending = calls.CallAsync(new GetLocalListVersionRequest());

        calls.TryComplete(Result(_sent[0].MessageId, """{"listVersion":"12","vendorExtra":true}"""));

        Assert.Equal(12, (await pending).ListVersion);
        var (action, tolerances) = Assert.Single(_tolerances);
        Assert.Equal(OcppAction.GetLocalListVersion, action.Action);
        Assert.Equal(OcppTolerance.NumberAsString | OcppTolerance.UnknownProperty, tolerances);
    }

    [Fact]
    public async Task TryFail_BrokenResponseWithRecoveredId_FailsTheCallNow()
    {
        using var calls = Create();
        var pending = calls.CallAsync(new GetConfigurationRequest());

        Assert.True(calls.TryFail(_sent[0].MessageId, new OcppError(OcppErrorCode.ProtocolError, "frame is incomplete")));

        var exception = await Assert.ThrowsAsync<OcppInvalidPayloadException>(() => pending);
        Assert.Equal(OcppErrorCode.ProtocolError, exception.Error.Code);
        Assert.False(calls.TryFail("unknown", new OcppError(OcppErrorCode.ProtocolError, "x")));
    }

    [Fact]
    public async Task CallRawAsync_ValidPayload_SentVerbatimAndResponseReturnedVerbatim()
    {
        using var calls = Create();
        var pending = calls.CallRawAsync("DataTransfer", """{"vendorId":"com.example","messageId":"ping","data":"x"}"""u8.ToArray());

        Assert.Equal("""{"vendorId":"com.example","messageId":"ping","data":"x"}""", Encoding.UTF8.GetString(_sent[0].Payload.Span));
        calls.TryComplete(Result(_sent[0].MessageId, """{"status":"Accepted","data":"pong","extra":1}"""));

        Assert.Equal("""{"status":"Accepted","data":"pong","extra":1}""", Encoding.UTF8.GetString((await pending).Span));
    }

    [Fact]
    public async Task CallRawAsync_InvalidPayload_RefusedBeforeSending()
    {
        using var calls = Create();

        var exception = await Assert.ThrowsAsync<OcppInvalidPayloadException>(() => calls.CallRawAsync("Reset", """{"type":"Medium"}"""u8.ToArray()));

        Assert.False(exception.IsResponse);
        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, exception.Error.Code);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task CallAsync_ActionOnlyChargersSend_Refused()
    {
        using var calls = Create();

        await Assert.ThrowsAsync<ArgumentException>(() => calls.CallAsync(new HeartbeatRequest()));
        await Assert.ThrowsAsync<ArgumentException>(() => calls.CallRawAsync("NoSuchAction", "{}"u8.ToArray()));
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task CallAsync_SendFails_CallFailsAndNextIsSent()
    {
        var failNext = true;
        using var calls = new OcppOutgoingCalls(
            (frame, _) =>
            {
                if (failNext)
                {
                    failNext = false;
                    throw new IOException("socket gone");
                }

                _sent.Add((OcppCall)OcppFrameParser.Parse(frame.ToArray()).Frame!);
                return ValueTask.CompletedTask;
            },
            _time,
            new OcppProtocolOptions());

        var exception = await Assert.ThrowsAsync<OcppConnectionClosedException>(() => calls.CallAsync(new ClearCacheRequest()));
        Assert.IsType<IOException>(exception.InnerException);
        var next = calls.CallAsync(new ClearCacheRequest());
        calls.TryComplete(Result(Assert.Single(_sent).MessageId, """{"status":"Accepted"}"""));
        await next;
    }

    [Fact]
    public async Task Close_WhileSending_CancelsTheSendButCallerCancellationDoesNot()
    {
        var sendStarted = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var calls = new OcppOutgoingCalls(
            async (_, token) =>
            {
                sendStarted.SetResult(token);
                await Task.Delay(Timeout.Infinite, token);
            },
            _time,
            new OcppProtocolOptions());
        using var caller = new CancellationTokenSource();
        var pending = calls.CallAsync(new ClearCacheRequest(), caller.Token);
        var sendToken = await sendStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.False(sendToken.IsCancellationRequested);

        calls.Close();
        Assert.True(sendToken.IsCancellationRequested);
        calls.Close();
    }

    [Fact]
    public void TryComplete_UnknownMessageId_ReturnsFalse()
    {
        using var calls = Create();
        _ = calls.CallAsync(new ClearCacheRequest());

        Assert.False(calls.TryComplete(Result("not-ours", "{}")));
        Assert.False(calls.TryComplete(new OcppCallError("not-ours", OcppErrorCode.GenericError, "GenericError", "", "{}"u8.ToArray())));
        Assert.NotNull(calls.OutstandingMessageId);
    }

    private OcppOutgoingCalls Create(int maxQueued = 16, TimeSpan? timeout = null) =>
        new(
            (frame, _) =>
            {
                // Copy: the caller may reuse its buffer once the send completes.
                _sent.Add((OcppCall)OcppFrameParser.Parse(frame.ToArray()).Frame!);
                return ValueTask.CompletedTask;
            },
            _time,
            new OcppProtocolOptions { MaxQueuedCalls = maxQueued, ResponseTimeout = timeout ?? TimeSpan.FromSeconds(30) },
            (action, tolerances) => _tolerances.Add((action, tolerances)));

    private static OcppCallResult Result(string messageId, string payload) => new(messageId, Encoding.UTF8.GetBytes(payload));

    private static ChargingProfile Profile() =>
        new(1, 0, ChargingProfilePurposeType.TxDefaultProfile, ChargingProfileKindType.Absolute,
            new ChargingSchedule(ChargingRateUnitType.A, [new ChargingSchedulePeriod(0, 16.0m)]));
}
