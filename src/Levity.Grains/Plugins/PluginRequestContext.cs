namespace Levity.Grains.Plugins;

/// <summary>
/// The raw charger frame, carried to the Before and On hooks in Orleans' <see cref="RequestContext"/>
/// (it flows with the grain call, to another silo too). The gateway sets it only for actions that
/// have such hooks, so a message without hooks carries no copy of its frame.
/// </summary>
public static class PluginRequestContext
{
    private const string RawFrameKey = "levity.frame";

    /// <summary>The frame of the charger message being handled; empty when none was set.</summary>
    public static ReadOnlyMemory<byte> RawFrame => RequestContext.Get(RawFrameKey) as byte[] ?? default(ReadOnlyMemory<byte>);

    /// <summary>Sets the frame for the grain call made next from this async flow.</summary>
    public static void SetRawFrame(ReadOnlySpan<byte> frame) => RequestContext.Set(RawFrameKey, frame.ToArray());

    public static void Clear() => RequestContext.Remove(RawFrameKey);
}
