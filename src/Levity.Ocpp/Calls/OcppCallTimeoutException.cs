namespace Levity.Ocpp.Calls;

/// <summary>No CALLRESULT or CALLERROR arrived within the response timeout.</summary>
public sealed class OcppCallTimeoutException(string action, string messageId, TimeSpan timeout)
    : OcppCallException($"{action} ({messageId}) got no response within {timeout.TotalSeconds:0.###} s", action, messageId)
{
    public TimeSpan Timeout { get; } = timeout;
}
