namespace Levity.Ocpp.Calls;

/// <summary>No CALLRESULT or CALLERROR arrived within the response timeout.</summary>
[GenerateSerializer, Alias("ocpp.OcppCallTimeoutException")]
public sealed class OcppCallTimeoutException(string action, string messageId, TimeSpan timeout)
    : OcppCallException($"{action} ({messageId}) got no response within {timeout.TotalSeconds:0.###} s", action, messageId)
{
    [Id(0)]
    public TimeSpan Timeout { get; } = timeout;
}
