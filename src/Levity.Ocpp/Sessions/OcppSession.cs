using System.Buffers;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Calls;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Serialization;
using Levity.Ocpp.Validation;
using Microsoft.Extensions.Logging;

namespace Levity.Ocpp.Sessions;

/// <summary>
/// The protocol side of one charger connection, as the gateway needs it: every received
/// WebSocket message goes through <see cref="Receive(ReadOnlyMemory{byte})"/>, which parses, validates and reads it,
/// answers what must be answered with a CALLERROR, routes responses to <see cref="Calls"/>,
/// logs refused frames (with the charger id and a bounded excerpt) and logs each tolerance
/// once per charger. Not thread-safe for <see cref="Receive(ReadOnlyMemory{byte})"/>: one receive loop per connection.
/// </summary>
public sealed partial class OcppSession : IDisposable
{
    private readonly OcppParseOptions _parseOptions;
    private readonly OcppValidationMode _mode;
    private readonly ILogger _logger;

    public OcppSession(
        string chargePointId,
        OcppProtocolOptions options,
        Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> send,
        TimeProvider timeProvider,
        OcppToleranceTracker tolerances,
        ILogger<OcppSession> logger)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tolerances);
        ArgumentNullException.ThrowIfNull(logger);
        ChargePointId = chargePointId;
        Tolerances = tolerances;
        _parseOptions = OcppParseOptions.From(options);
        _mode = options.ValidationMode;
        _logger = logger;
        Calls = new OcppOutgoingCalls(send, timeProvider, options, OnResponseTolerances);
    }

    public string ChargePointId { get; }

    /// <summary>Server-initiated calls on this connection.</summary>
    public OcppOutgoingCalls Calls { get; }

    /// <summary>The tolerances this charger has needed (shared across its connections).</summary>
    public OcppToleranceTracker Tolerances { get; }

    /// <summary>Handles one received frame. Never throws on bad input.</summary>
    public OcppInbound Receive(ReadOnlyMemory<byte> frame)
    {
        var parsed = OcppFrameParser.Parse(frame, _parseOptions);
        if (!parsed.IsSuccess)
        {
            return Refuse(parsed.Error);
        }

        Report(parsed.Tolerances, "frame", frame.Span);
        switch (parsed.Frame)
        {
            case OcppCall call:
                var read = OcppPayloadReader.ReadRequest(call, OcppRole.CentralSystem, _mode);
                if (!read.IsSuccess)
                {
                    Log.CallRefused(_logger, ChargePointId, call.Action, call.MessageId, read.Error.Code.ToWireName(), read.Error.Description);
                    return OcppInbound.ForReply(call.MessageId, CallError(call.MessageId, read.Error), read.Error);
                }

                Report(read.Tolerances, call.Action, frame.Span);
                return OcppInbound.ForRequest(call.MessageId, call.ActionInfo!, read.Value);

            case OcppCallResult result:
                var answered = Calls.ActionOf(result.MessageId);
                if (Calls.TryComplete(result))
                {
                    return OcppInbound.Handled(result.MessageId, answered);
                }

                Log.UnmatchedResponse(_logger, ChargePointId, "CALLRESULT", result.MessageId);
                return OcppInbound.Dropped(result.MessageId, null);

            case OcppCallError error:
                var failed = Calls.ActionOf(error.MessageId);
                if (Calls.TryComplete(error))
                {
                    return OcppInbound.Handled(error.MessageId, failed);
                }

                Log.UnmatchedResponse(_logger, ChargePointId, "CALLERROR", error.MessageId);
                return OcppInbound.Dropped(error.MessageId, null);

            default:
                throw new InvalidOperationException($"Unexpected frame type {parsed.Frame.GetType().Name}.");
        }
    }

    /// <summary>
    /// Handles the message an <see cref="OcppFrameAssembler"/> completed: a message over the
    /// limit is refused from its head alone, without having been buffered.
    /// </summary>
    public OcppInbound Receive(OcppFrameAssembler assembler)
    {
        ArgumentNullException.ThrowIfNull(assembler);
        if (!assembler.IsOversized)
        {
            return Receive(assembler.Frame);
        }

        var parsed = OcppFrameParser.ParseOversized(assembler.Frame, assembler.MessageLength, _parseOptions);
        return Refuse(parsed.Error!);
    }

    /// <summary>The connection closed: fails pending server-initiated calls now.</summary>
    public void Close() => Calls.Close();

    public void Dispose() => Close();

    private OcppInbound Refuse(OcppFrameError error)
    {
        if (error.CanReply)
        {
            Log.FrameRefused(_logger, ChargePointId, error.Code.ToWireName(), error.Description, error.Excerpt);
            return OcppInbound.ForReply(error.MessageId!, CallError(error.MessageId!, error.ToError()), error.ToError());
        }

        // A broken CALLRESULT/CALLERROR cannot be answered, but its call need not wait for the timeout.
        if (error.MessageId is { } messageId && Calls.TryFail(messageId, error.ToError()))
        {
            Log.BrokenResponse(_logger, ChargePointId, messageId, error.Description, error.Excerpt);
            return OcppInbound.Handled(messageId);
        }

        Log.FrameDropped(_logger, ChargePointId, error.Description, error.Excerpt);
        return OcppInbound.Dropped(error.MessageId, error.ToError());
    }

    private void Report(OcppTolerance tolerances, string action, ReadOnlySpan<byte> frame)
    {
        var first = Tolerances.Record(tolerances);
        if (first != OcppTolerance.None)
        {
            Log.ToleranceFirstUsed(_logger, ChargePointId, first, action, OcppFrameParser.Excerpt(frame));
        }
    }

    private void OnResponseTolerances(OcppActionInfo action, OcppTolerance tolerances)
    {
        var first = Tolerances.Record(tolerances);
        if (first != OcppTolerance.None)
        {
            Log.ToleranceFirstUsed(_logger, ChargePointId, first, $"{action.Name} response", string.Empty);
        }
    }

    private static ReadOnlyMemory<byte> CallError(string messageId, OcppError error)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + error.Description.Length);
        OcppFrameWriter.WriteCallError(buffer, messageId, error);
        return buffer.WrittenMemory;
    }

    private static partial class Log
    {
        [LoggerMessage(2001, LogLevel.Warning, "Charger {ChargePointId}: refused frame with {ErrorCode}: {Description}. Frame: {Excerpt}")]
        public static partial void FrameRefused(ILogger logger, string chargePointId, string errorCode, string description, string excerpt);

        [LoggerMessage(2002, LogLevel.Warning, "Charger {ChargePointId}: dropped a frame without a usable message id: {Description}. Frame: {Excerpt}")]
        public static partial void FrameDropped(ILogger logger, string chargePointId, string description, string excerpt);

        [LoggerMessage(2003, LogLevel.Warning, "Charger {ChargePointId}: refused {Action} ({MessageId}) with {ErrorCode}: {Description}")]
        public static partial void CallRefused(ILogger logger, string chargePointId, string action, string messageId, string errorCode, string description);

        [LoggerMessage(2004, LogLevel.Information, "Charger {ChargePointId}: accepted {Action} with a deviation from the OCPP schema ({Tolerances}); logged once per charger. Frame: {Excerpt}")]
        public static partial void ToleranceFirstUsed(ILogger logger, string chargePointId, OcppTolerance tolerances, string action, string excerpt);

        [LoggerMessage(2005, LogLevel.Warning, "Charger {ChargePointId}: {FrameType} {MessageId} matches no outstanding call (late or unknown); dropped")]
        public static partial void UnmatchedResponse(ILogger logger, string chargePointId, string frameType, string messageId);

        [LoggerMessage(2006, LogLevel.Warning, "Charger {ChargePointId}: broken response to {MessageId} failed the call: {Description}. Frame: {Excerpt}")]
        public static partial void BrokenResponse(ILogger logger, string chargePointId, string messageId, string description, string excerpt);
    }
}
