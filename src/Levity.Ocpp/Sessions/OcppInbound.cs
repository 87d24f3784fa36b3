using Levity.Ocpp.Actions;
using Levity.Ocpp.Messages;

namespace Levity.Ocpp.Sessions;

/// <summary>The outcome of <see cref="OcppSession.Receive(ReadOnlyMemory{byte})"/>.</summary>
public readonly struct OcppInbound
{
    private OcppInbound(OcppInboundKind kind, string? messageId, OcppActionInfo? action, IOcppRequest? request, ReadOnlyMemory<byte> reply, OcppError? error)
    {
        Kind = kind;
        MessageId = messageId;
        Action = action;
        Request = request;
        Reply = reply;
        Error = error;
    }

    public OcppInboundKind Kind { get; }

    /// <summary>The CALL's message id, to echo in the CALLRESULT (<see cref="OcppInboundKind.Request"/>).</summary>
    public string? MessageId { get; }

    /// <summary>The CALL's action (<see cref="OcppInboundKind.Request"/>), or the action of the server-initiated call a response answered (<see cref="OcppInboundKind.Handled"/>).</summary>
    public OcppActionInfo? Action { get; }

    /// <summary>The validated, typed request (<see cref="OcppInboundKind.Request"/>).</summary>
    public IOcppRequest? Request { get; }

    /// <summary>The CALLERROR frame to send (<see cref="OcppInboundKind.Reply"/>).</summary>
    public ReadOnlyMemory<byte> Reply { get; }

    /// <summary>Why the frame was refused (<see cref="OcppInboundKind.Reply"/>, <see cref="OcppInboundKind.Dropped"/>).</summary>
    public OcppError? Error { get; }

    internal static OcppInbound ForRequest(string messageId, OcppActionInfo action, IOcppRequest request) =>
        new(OcppInboundKind.Request, messageId, action, request, default, null);

    internal static OcppInbound ForReply(string messageId, ReadOnlyMemory<byte> reply, OcppError error) =>
        new(OcppInboundKind.Reply, messageId, null, null, reply, error);

    internal static OcppInbound Handled(string messageId, OcppActionInfo? answered = null) => new(OcppInboundKind.Handled, messageId, answered, null, default, null);

    internal static OcppInbound Dropped(string? messageId, OcppError? error) => new(OcppInboundKind.Dropped, messageId, null, null, default, error);
}
