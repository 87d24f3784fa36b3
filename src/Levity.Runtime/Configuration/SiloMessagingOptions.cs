namespace Levity.Runtime.Configuration;

/// <summary>Call queueing settings (Orleans <c>SiloMessagingOptions</c>).</summary>
public sealed class SiloMessagingOptions
{
    /// <summary>
    /// Most calls one activation may have waiting; further calls fail at once with
    /// <see cref="LimitExceededException"/> rather than queueing without bound.
    /// </summary>
    public int MaxEnqueuedRequestsHardLimit { get; set; } = 5000;
}
