namespace Levity.Runtime;

/// <summary>
/// A grain call was refused because the activation already has the maximum number of queued
/// calls (<see cref="Configuration.SiloMessagingOptions.MaxEnqueuedRequestsHardLimit"/>).
/// </summary>
public sealed class LimitExceededException : Exception
{
    public LimitExceededException()
        : this("Too many queued calls.")
    {
    }

    public LimitExceededException(string message)
        : base(message)
    {
    }

    public LimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
