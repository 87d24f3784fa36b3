namespace Levity.Ocpp.Calls;

/// <summary>The charge point answered the call with a CALLERROR.</summary>
[GenerateSerializer, Alias("ocpp.OcppCallErrorException")]
public sealed class OcppCallErrorException : OcppCallException
{
    public OcppCallErrorException(string action, string messageId, OcppErrorCode errorCode, string errorCodeText, string errorDescription, string errorDetails)
        : base($"{action} ({messageId}) failed on the charge point: {errorCodeText}: {errorDescription}", action, messageId)
    {
        ErrorCode = errorCode;
        ErrorCodeText = errorCodeText;
        ErrorDescription = errorDescription;
        ErrorDetails = errorDetails;
    }

    /// <summary>The error code; GenericError when the charge point sent one OCPP 1.6 does not define.</summary>
    [Id(0)]
    public OcppErrorCode ErrorCode { get; }

    /// <summary>The error code exactly as sent.</summary>
    [Id(1)]
    public string ErrorCodeText { get; }

    [Id(2)]
    public string ErrorDescription { get; }

    /// <summary>The errorDetails object as JSON text.</summary>
    [Id(3)]
    public string ErrorDetails { get; }
}
