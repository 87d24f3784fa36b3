using Levity.Ocpp.Validation;

namespace Levity.Ocpp;

/// <summary>
/// Protocol limits and strictness, per server. Defaults live here and only here; the silo binds
/// the command line (<c>--strict-validation</c>, <c>--response-timeout</c>) onto this.
/// </summary>
public sealed class OcppProtocolOptions
{
    /// <summary>Largest WebSocket message accepted, in bytes; bigger frames are refused unread.</summary>
    public int MaxFrameBytes { get; set; } = 1024 * 1024;

    /// <summary>OCPP-J caps message ids at 36 characters.</summary>
    public int MaxMessageIdLength { get; set; } = 36;

    /// <summary>
    /// When true every payload must match its official schema exactly; when false (default)
    /// harmless deviations listed in <see cref="OcppTolerance"/> are accepted, logged and counted.
    /// </summary>
    public bool StrictValidation { get; set; }

    /// <summary>How long a server-initiated CALL waits for its CALLRESULT or CALLERROR.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Server-initiated calls that may wait behind the one outstanding CALL of a connection;
    /// one more is refused with an OcppCallQueueFullException.
    /// </summary>
    public int MaxQueuedCalls { get; set; } = 16;

    /// <summary>The validation mode <see cref="StrictValidation"/> selects.</summary>
    public OcppValidationMode ValidationMode => StrictValidation ? OcppValidationMode.Strict : OcppValidationMode.Tolerant;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a limit makes no sense.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFrameBytes, 64, nameof(MaxFrameBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageIdLength, 1, nameof(MaxMessageIdLength));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ResponseTimeout, TimeSpan.Zero, nameof(ResponseTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxQueuedCalls, nameof(MaxQueuedCalls));
    }
}
