using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Calls;

/// <summary>One server-initiated call, from queued to answered. State changes under the owner's lock.</summary>
internal sealed class PendingCall(OcppActionInfo action, string messageId, byte[] frame, bool raw, CancellationToken cancellationToken)
{
    public OcppActionInfo Action { get; } = action;

    public string MessageId { get; } = messageId;

    /// <summary>The serialized CALL frame.</summary>
    public byte[] Frame { get; } = frame;

    /// <summary>True for pass-through calls: the response payload is returned verbatim.</summary>
    public bool Raw { get; } = raw;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Completed with the typed response (or the raw payload bytes), or faulted.</summary>
    public TaskCompletionSource<object> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LinkedListNode<PendingCall>? QueueNode { get; set; }

    public ITimer? Timer { get; set; }

    public CancellationTokenRegistration Registration { get; set; }

    /// <summary>Stops the timeout timer and the cancellation callback; call outside the owner's lock.</summary>
    public void Release()
    {
        Timer?.Dispose();
        Registration.Dispose();
    }
}
