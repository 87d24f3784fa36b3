namespace Levity.Ocpp.Calls;

/// <summary>Base of every way a server-initiated call can fail; catch this to catch them all.</summary>
public abstract class OcppCallException : Exception
{
    protected OcppCallException(string message, string? action, string? messageId, Exception? innerException = null)
        : base(message, innerException)
    {
        Action = action;
        MessageId = messageId;
    }

    /// <summary>The action of the failed call.</summary>
    public string? Action { get; }

    /// <summary>The message id of the failed call, when it got one.</summary>
    public string? MessageId { get; }
}
