using Levity.Grains.Interfaces.ChargePoints;
using Levity.Grains.Plugins;
using Levity.Ocpp;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Sessions;
using Levity.Silo.Audit;

namespace Levity.Silo.Gateway;

/// <summary>
/// Speaks OCPP-J on a charger session: each frame goes through the protocol layer; a valid CALL
/// is handed to the charger's grain and its answer sent as the CALLRESULT once the grain returns
/// (after the store committed); responses to server-initiated calls complete those calls.
/// </summary>
public sealed partial class OcppConnectionHandler(
    IGrainFactory grains,
    OcppSessionFactory protocols,
    FrameLog frames,
    PluginRegistry plugins,
    AfterHookWork afterHooks,
    IAuditSink audit,
    ILogger<OcppConnectionHandler> logger) : IChargerConnectionHandler
{
    public async ValueTask OnConnectedAsync(ChargerSession session, ChargerSession? replaced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var grain = grains.GetGrain<IChargePointGrain>(session.ChargePointId);
        session.Protocol = protocols.Create(session.ChargePointId, (frame, ct) => SendAsync(session, frame, ct));
        session.Grain = grain;
        session.Observer = new ChargerChannel(session.Protocol);
        session.Channel = grains.CreateObjectReference<IChargerConnection>(session.Observer);
        await grain.Connected(new ChargerConnectionInfo(session.Generation, session.RemoteAddress, session.SubProtocol, session.ConnectedAt), session.Channel);
    }

    public async ValueTask OnMessageAsync(ChargerSession session, ReadOnlyMemory<byte> frame, bool truncated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var protocol = session.Protocol!;
        // Before the protocol layer sees it: an answer it completes may trigger the next send.
        audit.Frame(session.ChargePointId, AuditDirection.Received, frame.Span);
        // An oversized frame was cut at the limit; the protocol layer then sees invalid JSON and
        // answers from the message id it can still recover.
        var inbound = protocol.Receive(frame);
        frames.Received(session.ChargePointId, MessageTypeOf(frame.Span), inbound.Action?.Name, inbound.MessageId, frame.Span);
        switch (inbound.Kind)
        {
            case OcppInboundKind.Request:
                await AnswerAsync(session, inbound, frame, cancellationToken);
                break;
            case OcppInboundKind.Reply:
                await SendAsync(session, inbound.Reply, cancellationToken);
                break;
            default:
                break;
        }
    }

    public async ValueTask OnDisconnectedAsync(ChargerSession session, bool wasCurrent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        // Pending and later calls on the observer now fail at once (connection closed); the grain
        // stops using it; only then is the reference deleted: a call to a deleted observer would
        // wait for Orleans' response timeout.
        session.Protocol?.Close();
        try
        {
            if (session.Grain is { } grain)
            {
                await grain.Disconnected(session.Generation);
            }
        }
        finally
        {
            if (session.Channel is { } channel)
            {
                grains.DeleteObjectReference<IChargerConnection>(channel);
            }
        }
    }

    private async Task AnswerAsync(ChargerSession session, OcppInbound inbound, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        if (!session.TryBeginWork())
        {
            return;
        }

        // The receive loop hands over one message at a time, so one buffer per session serves every answer.
        var output = session.ResponseBuffer;
        output.ResetWrittenCount();
        var request = inbound.Request!;
        IOcppResponse? response = null;
        try
        {
            try
            {
                if (plugins.HasTurnHooks(request.GetType()))
                {
                    // Flows with the grain call in Orleans' RequestContext, for Before and On hooks.
                    PluginRequestContext.SetRawFrame(frame.Span);
                }

                response = await ChargePointDispatch.InvokeAsync(session.Grain!, request);
                OcppFrameWriter.WriteCallResult(output, inbound.MessageId!, response);
            }
            catch (Exception e)
            {
                // Nothing was committed for this message (the grain answers only after the store
                // did), so an error tells the charger to keep it and try again.
                response = null;
                Log.HandlerFailed(logger, e, session.ChargePointId, inbound.Action!.Name, inbound.MessageId!);
                output.ResetWrittenCount();
                OcppFrameWriter.WriteCallError(output, inbound.MessageId!, OcppErrorCode.InternalError, "the central system could not process the message");
            }
            finally
            {
                PluginRequestContext.Clear();
            }

            await SendAsync(session, output.WrittenMemory, cancellationToken);
            if (response is not null && afterHooks.Wants(request.GetType()))
            {
                // The answer is on the socket: After hooks run now, outside the charger's turn.
                afterHooks.Start(session.ChargePointId, session.Grain!, request, response, frame.ToArray());
            }
        }
        finally
        {
            session.EndWork();
        }
    }

    private async ValueTask SendAsync(ChargerSession session, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        frames.Sent(session.ChargePointId, MessageTypeOf(frame.Span), null, null, frame.Span);
        // Before the send: the charger's answer must not be audited ahead of the call it answers.
        audit.Frame(session.ChargePointId, AuditDirection.Sent, frame.Span);
        if (!await session.SendAsync(frame, cancellationToken))
        {
            Log.NotSent(logger, session.ChargePointId);
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 140, Level = LogLevel.Error, Message = "Charger {ChargePointId}: {Action} {MessageId} failed; answered InternalError")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string chargePointId, string action, string messageId);

        [LoggerMessage(EventId = 141, Level = LogLevel.Debug, Message = "Charger {ChargePointId}: frame not sent, the connection is gone")]
        public static partial void NotSent(ILogger logger, string chargePointId);
    }
}
