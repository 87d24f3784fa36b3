namespace Levity.Runtime.Activation;

internal enum AcceptResult
{
    Accepted,

    /// <summary>The activation is gone; look it up again.</summary>
    Invalid,

    /// <summary>The activation's queue is at its hard limit.</summary>
    Full,
}
