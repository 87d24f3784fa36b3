namespace Levity.Ocpp.Calls;

/// <summary>Base of every way a server-initiated call can fail; catch this to catch them all.</summary>
[GenerateSerializer, Alias("ocpp.OcppCallException")]
public abstract class OcppCallException : Exception
{
    protected OcppCallException(string message, string? action, string? messageId, Exception? innerException = null)
        : base(message, innerException)
    {
        Action = action;
        MessageId = messageId;
    }

    /// <summary>The action of the failed call.</summary>
    [Id(0)]
    public string? Action { get; }

    /// <summary>The message id of the failed call, when it got one.</summary>
    [Id(1)]
    public string? MessageId { get; }
}
