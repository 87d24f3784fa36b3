namespace Levity.Grains.Interfaces.ChargePoints;

/// <summary>
/// Ambient data of the charger message being handled, like Orleans' RequestContext: the gateway
/// sets it before calling the grain (it flows into the call), plugins read the raw frame from it,
/// and After hooks wait on <see cref="ResponseSent"/> so they run once the charger has its answer.
/// </summary>
public sealed class OcppRequestContext
{
    private static readonly AsyncLocal<OcppRequestContext?> CurrentContext = new();

    public OcppRequestContext(string messageId, ReadOnlyMemory<byte> rawFrame, bool trackResponse)
    {
        MessageId = messageId;
        RawFrame = rawFrame;
        ResponseSentSource = trackResponse ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
    }

    /// <summary>The context of the message this code is handling, if any.</summary>
    public static OcppRequestContext? Current
    {
        get => CurrentContext.Value;
        set => CurrentContext.Value = value;
    }

    public string MessageId { get; }

    /// <summary>The frame as received; valid only until the answer is sent (it is a pooled buffer).</summary>
    public ReadOnlyMemory<byte> RawFrame { get; }

    /// <summary>Completes when the answer was written to the socket (or failed to be); null when not tracked.</summary>
    public Task? ResponseSent => ResponseSentSource?.Task;

    private TaskCompletionSource? ResponseSentSource { get; }

    public void MarkResponseSent() => ResponseSentSource?.TrySetResult();
}
