using System.Net.WebSockets;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Grains.Plugins;
using Levity.Ocpp;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Sessions;
using Levity.Silo.Audit;
using Levity.Silo.Security;

namespace Levity.Silo.Gateway;

public sealed partial class ChargerSession
{
    /// <summary>Reads messages one at a time until the socket closes.</summary>
    private async Task ReceiveAsync()
    {
        var socket = _socket.WebSocket;
        try
        {
            // Not the stopping token: cancelling a receive aborts the socket, and shutdown must
            // instead drain and close with 1001 (GatewayShutdown).
            while (socket.State == WebSocketState.Open)
            {
                // A zero-byte read waits for the next message without holding a buffer, so idle
                // chargers cost no receive memory (the assembler rents one per message).
                var peek = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                if (peek.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(_assembler.GetReceiveBuffer(), CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                }
                while (!_assembler.Advance(result.Count, result.EndOfMessage));

                try
                {
                    Interlocked.Exchange(ref _lastReceived, _services.Time.GetTimestamp());
                    await ExchangeAsync();
                }
                finally
                {
                    _assembler.Reset();
                }
            }
        }
        catch (WebSocketException e)
        {
            Log.SocketFailed(_logger, ChargePointId, e.WebSocketErrorCode, e.Message);
        }
        catch (OperationCanceledException)
        {
            // Aborted by shutdown or by the send timeout; the socket is gone either way.
        }
        finally
        {
            if (socket.State is WebSocketState.CloseReceived)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
            }
        }
    }

    /// <summary>One received message, from its bytes to the answer on the socket.</summary>
    private async Task ExchangeAsync()
    {
        if (_draining)
        {
            // Shutting down: an unanswered message is retried by the charger after it reconnects.
            Log.DroppedWhileDraining(_logger, ChargePointId);
            return;
        }

        var frame = _assembler.Frame;
        if (_assembler.IsOversized)
        {
            Log.FrameTooLarge(_logger, ChargePointId, _assembler.MessageLength, _services.MaxFrameBytes);
        }

        // Before the protocol layer sees it: an answer it completes may trigger the next send.
        // Secrets (a GetConfiguration answer's StationPassword, say) never reach the log or audit.
        var logged = FrameSecrets.Redact(frame);
        _services.Audit.Frame(ChargePointId, AuditDirection.Received, logged.Span);
        var inbound = _protocol.Receive(_assembler);
        _services.Frames.Received(ChargePointId, MessageTypeOf(frame.Span), inbound.Action?.Name, inbound.MessageId, logged.Span);
        switch (inbound.Kind)
        {
            case OcppInboundKind.Request:
                await AnswerAsync(inbound, frame);
                break;
            case OcppInboundKind.Reply:
                await SendFrameAsync(inbound.Reply, inbound.Action?.Name, inbound.MessageId, CancellationToken.None);
                break;
            case OcppInboundKind.Dropped when _assembler.IsOversized:
                // Too large and no message id to answer: close as RFC 6455 defines for it.
                await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"message exceeds {_services.MaxFrameBytes} bytes", CancellationToken.None);
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Calls the grain with the typed request and sends its answer (a CALLERROR when it failed:
    /// the grain answers only after the store committed, so nothing was kept and the charger
    /// retries); then starts the action's After hooks, if any, outside the charger's turn.
    /// </summary>
    private async Task AnswerAsync(OcppInbound inbound, ReadOnlyMemory<byte> frame)
    {
        if (!TryBeginWork())
        {
            return;
        }

        // One message is handled at a time, so one buffer per session serves every answer.
        var output = _responseBuffer ??= new(256);
        output.ResetWrittenCount();
        var request = inbound.Request!;
        IOcppResponse? response;
        try
        {
            try
            {
                if (_services.Plugins.HasTurnHooks(request.GetType()))
                {
                    // Flows with the grain call in Orleans' RequestContext, for Before and On hooks.
                    PluginRequestContext.SetRawFrame(frame.Span);
                }

                response = await CallGrainAsync(_grain, request);
                OcppFrameWriter.WriteCallResult(output, inbound.MessageId!, response);
            }
            catch (Exception e)
            {
                response = null;
                Log.HandlerFailed(_logger, e, ChargePointId, inbound.Action!.Name, inbound.MessageId!);
                output.ResetWrittenCount();
                OcppFrameWriter.WriteCallError(output, inbound.MessageId!, OcppErrorCode.InternalError, "the central system could not process the message");
            }
            finally
            {
                PluginRequestContext.Clear();
            }

            await SendFrameAsync(output.WrittenMemory, inbound.Action!.Name, inbound.MessageId, CancellationToken.None);
            if (response is not null && _services.AfterHooks.Wants(request.GetType()))
            {
                // The receive buffer is reused for the next message: the hooks get a copy.
                _services.AfterHooks.Start(ChargePointId, _grain, request, response, frame.ToArray());
            }
        }
        finally
        {
            EndWork();
        }
    }

    /// <summary>The grain method for a charger-initiated action (the protocol layer refuses the others).</summary>
    private static Task<IOcppResponse> CallGrainAsync(IChargePointGrain grain, IOcppRequest request) => request switch
    {
        MeterValuesRequest r => Box(grain.MeterValues(r)),
        HeartbeatRequest r => Box(grain.Heartbeat(r)),
        StatusNotificationRequest r => Box(grain.StatusNotification(r)),
        StartTransactionRequest r => Box(grain.StartTransaction(r)),
        StopTransactionRequest r => Box(grain.StopTransaction(r)),
        BootNotificationRequest r => Box(grain.BootNotification(r)),
        AuthorizeRequest r => Box(grain.Authorize(r)),
        DataTransferRequest r => Box(grain.DataTransfer(r)),
        DiagnosticsStatusNotificationRequest r => Box(grain.DiagnosticsStatusNotification(r)),
        FirmwareStatusNotificationRequest r => Box(grain.FirmwareStatusNotification(r)),
        SecurityEventNotificationRequest r => Box(grain.SecurityEventNotification(r)),
        SignCertificateRequest r => Box(grain.SignCertificate(r)),
        LogStatusNotificationRequest r => Box(grain.LogStatusNotification(r)),
        SignedFirmwareStatusNotificationRequest r => Box(grain.SignedFirmwareStatusNotification(r)),
        _ => throw new InvalidOperationException($"No grain method for {request.Action}."),
    };

    private static async Task<IOcppResponse> Box<T>(Task<T> call)
        where T : IOcppResponse => await call;

    /// <summary>Server-initiated CALLs (the frame log reads their id and action from the frame).</summary>
    private ValueTask SendFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        SendFrameAsync(frame, null, null, cancellationToken);

    /// <summary>Logs, audits and sends one frame: answers, CALLERRORs and server-initiated CALLs alike.</summary>
    private async ValueTask SendFrameAsync(ReadOnlyMemory<byte> frame, string? action, string? messageId, CancellationToken cancellationToken)
    {
        // A ChangeConfiguration of AuthorizationKey is logged and audited without the key.
        var logged = FrameSecrets.Redact(frame);
        _services.Frames.Sent(ChargePointId, MessageTypeOf(frame.Span), action, messageId, logged.Span);
        // Before the send: the charger's answer must not be audited ahead of the call it answers.
        _services.Audit.Frame(ChargePointId, AuditDirection.Sent, logged.Span);
        if (!await _socket.SendAsync(frame, cancellationToken))
        {
            Log.NotSent(_logger, ChargePointId);
        }
    }

    /// <summary>The OCPP-J message type from the frame's first element, for the frame log.</summary>
    private static string MessageTypeOf(ReadOnlySpan<byte> frame)
    {
        foreach (var b in frame)
        {
            switch (b)
            {
                case (byte)'[' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    continue;
                case (byte)'2':
                    return "CALL";
                case (byte)'3':
                    return "CALLRESULT";
                case (byte)'4':
                    return "CALLERROR";
                default:
                    return "INVALID";
            }
        }

        return "INVALID";
    }
}
