using System.Buffers;
using Levity.Ocpp.Actions;
using Levity.Silo.Audit.Buffering;
using Levity.Silo.Audit.MessagePack;
using MessagePack;

namespace Levity.Silo.Audit.Records;

/// <summary>
/// Turns buffered audit entries into Fluentd records (MessagePack maps) and picks their tags:
/// <c>{"type":"ocpp","cp","dir","message_type","message_id","action","msg"[,"energy_wh"]}</c> for
/// a frame (<c>"raw"</c> instead of a usable <c>msg</c> when the frame is not OCPP-J) and
/// <c>{"type":"ws","cp","event","remote_addr"}</c> for a connection event,
/// <c>{"type":"api","method","path","query","status","duration_ms","remote_addr","cp","action"}</c> for an operator request. An answer takes the
/// action and tag of the CALL it answers. Runs on the audit sender only (one thread), which keeps
/// the correlation state unsynchronized.
/// </summary>
internal sealed partial class AuditRecordEncoder(ITransactionStartLookup? lookup, ILogger logger)
{
    private readonly CallCorrelation _calls = new();
    private readonly TransactionMeters _meters = new();
    private readonly ArrayBufferWriter<byte> _record = new(1024);

    /// <summary>The record written by the last <see cref="EncodeAsync"/>.</summary>
    public ReadOnlySpan<byte> Record => _record.WrittenSpan;

    /// <summary>Encodes one entry into <see cref="Record"/>; returns its tag id.</summary>
    public async ValueTask<int> EncodeAsync(AuditEntry entry, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        _record.ResetWrittenCount();
        if (entry.Kind is AuditEntryKind.Connected or AuditEntryKind.Disconnected)
        {
            WriteConnection(entry);
            if (entry.Kind == AuditEntryKind.Disconnected)
            {
                _calls.Disconnected(entry.ChargePointId);
            }

            return AuditTags.WebSocket;
        }

        if (entry.Kind == AuditEntryKind.OperatorRequest)
        {
            // The sink wrote the whole record as a JSON object.
            var writer = new MessagePackWriter(_record);
            WriteJson(ref writer, frame.Span);
            writer.Flush();
            return AuditTags.Api;
        }

        var direction = entry.Kind == AuditEntryKind.FrameReceived ? AuditDirection.Received : AuditDirection.Sent;
        var parsed = AuditFrameParser.Parse(frame.Span);
        var actionName = parsed.ActionName;
        var action = parsed.Action;
        double? energy = null;
        switch (parsed.Type)
        {
            case AuditMessageType.Call:
                _calls.Called(entry.ChargePointId, direction, parsed.MessageId!, new PendingCall(actionName!, action, MeterStartOf(parsed, frame.Span)));
                if (action?.Action == OcppAction.StopTransaction && direction == AuditDirection.Received)
                {
                    energy = await EnergyAsync(entry.ChargePointId, frame[parsed.Payload], cancellationToken);
                }

                break;
            case AuditMessageType.CallResult or AuditMessageType.CallError:
                if (_calls.TryAnswer(entry.ChargePointId, direction, parsed.MessageId!, out var call))
                {
                    actionName = call.ActionName;
                    action = call.Action;
                    RememberTransaction(entry.ChargePointId, parsed, call, frame.Span);
                }

                break;
            default:
                break;
        }

        WriteFrame(entry, direction, parsed, actionName, energy, frame.Span);
        return action is null ? AuditTags.Unknown : AuditTags.ForAction(action.Action);
    }

    private static double? MeterStartOf(AuditFrame call, ReadOnlySpan<byte> frame) =>
        call.Action?.Action == OcppAction.StartTransaction && JsonFields.TryGetNumber(frame[call.Payload], "meterStart"u8, out var meterStart)
            ? meterStart
            : null;

    private void RememberTransaction(string chargePointId, AuditFrame answer, PendingCall call, ReadOnlySpan<byte> frame)
    {
        if (answer.Type == AuditMessageType.CallResult && call.MeterStart is { } meterStart
            && JsonFields.TryGetNumber(frame[answer.Payload], "transactionId"u8, out var transactionId) && IsInt32(transactionId))
        {
            _meters.Started(chargePointId, (long)transactionId, meterStart);
        }
    }

    /// <summary>
    /// meterStop − meterStart in Wh, as the store computes it (negative when the meter went
    /// backwards, which the store flags as an anomaly); null when either is unknown.
    /// </summary>
    private async ValueTask<double?> EnergyAsync(string chargePointId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!JsonFields.TryGetNumber(payload.Span, "transactionId"u8, out var transactionId) || !IsInt32(transactionId)
            || !JsonFields.TryGetNumber(payload.Span, "meterStop"u8, out var meterStop))
        {
            return null;
        }

        if (!_meters.TryGetMeterStart(chargePointId, (long)transactionId, out var meterStart))
        {
            var stored = await LookUpAsync(chargePointId, (int)transactionId, cancellationToken);
            if (stored is null)
            {
                return null;
            }

            meterStart = stored.Value;
            _meters.Started(chargePointId, (long)transactionId, meterStart);
        }

        return meterStop - meterStart;
    }

    private async ValueTask<long?> LookUpAsync(string chargePointId, int transactionId, CancellationToken cancellationToken)
    {
        if (lookup is null)
        {
            return null;
        }

        try
        {
            return await lookup.GetMeterStartAsync(chargePointId, transactionId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The record is still worth sending without its energy.
            Log.LookupFailed(logger, e, chargePointId, transactionId);
            return null;
        }
    }

    private void WriteFrame(AuditEntry entry, AuditDirection direction, AuditFrame parsed, string? actionName, double? energy, ReadOnlySpan<byte> frame)
    {
        var invalid = parsed.Type == AuditMessageType.Invalid;
        var w = new MessagePackWriter(_record);
        w.WriteMapHeader(7 + (invalid ? 1 : 0) + (energy is null ? 0 : 1));
        w.WriteString("type"u8);
        w.WriteString("ocpp"u8);
        w.WriteString("cp"u8);
        w.Write(entry.ChargePointId);
        w.WriteString("dir"u8);
        w.WriteString(direction == AuditDirection.Received ? "recv"u8 : "send"u8);
        w.WriteString("message_type"u8);
        w.WriteString(parsed.Type switch
        {
            AuditMessageType.Call => "CALL"u8,
            AuditMessageType.CallResult => "CALLRESULT"u8,
            AuditMessageType.CallError => "CALLERROR"u8,
            _ => "INVALID"u8,
        });
        w.WriteString("message_id"u8);
        w.Write(parsed.MessageId);
        w.WriteString("action"u8);
        w.Write(actionName);
        w.WriteString("msg"u8);
        switch (parsed.Type)
        {
            case AuditMessageType.Call or AuditMessageType.CallResult:
                WriteJson(ref w, frame[parsed.Payload]);
                break;
            case AuditMessageType.CallError:
                w.WriteMapHeader(parsed.ErrorDetails is null ? 2 : 3);
                w.WriteString("errorCode"u8);
                WriteJson(ref w, frame[parsed.ErrorCode]);
                w.WriteString("errorDescription"u8);
                WriteJson(ref w, frame[parsed.ErrorDescription]);
                if (parsed.ErrorDetails is { } details)
                {
                    w.WriteString("errorDetails"u8);
                    WriteJson(ref w, frame[details]);
                }

                break;
            default:
                w.WriteNil();
                w.WriteString("raw"u8);
                w.WriteStringFromUtf8(frame);
                break;
        }

        if (energy is { } wh)
        {
            w.WriteString("energy_wh"u8);
            if (wh == Math.Floor(wh) && wh is >= long.MinValue and <= long.MaxValue)
            {
                w.Write((long)wh);
            }
            else
            {
                w.Write(wh);
            }
        }

        w.Flush();
    }

    private static void WriteJson(ref MessagePackWriter writer, ReadOnlySpan<byte> json)
    {
        // The parser has validated the frame, so this only fails on a bug; keep the record valid anyway.
        if (!JsonToMessagePack.TryWrite(json, ref writer))
        {
            writer.WriteNil();
        }
    }

    private void WriteConnection(AuditEntry entry)
    {
        var w = new MessagePackWriter(_record);
        w.WriteMapHeader(4);
        w.WriteString("type"u8);
        w.WriteString("ws"u8);
        w.WriteString("cp"u8);
        w.Write(entry.ChargePointId);
        w.WriteString("event"u8);
        w.WriteString(entry.Kind == AuditEntryKind.Connected ? "connect"u8 : "disconnect"u8);
        w.WriteString("remote_addr"u8);
        w.Write(entry.RemoteAddress);
        w.Flush();
    }

    private static bool IsInt32(double value) => value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue;

    private static partial class Log
    {
        [LoggerMessage(EventId = 610, Level = LogLevel.Warning, Message = "Audit: could not read transaction {TransactionId} of {ChargePointId} for energy_wh")]
        public static partial void LookupFailed(ILogger logger, Exception exception, string chargePointId, int transactionId);
    }
}
