namespace Levity.Ocpp;

/// <summary>
/// The CALLERROR error codes of OCPP-J 1.6 (section 4.2.3), spelled on the wire exactly as the
/// enum members are named, including the spec's own "Occurence" misspelling.
/// </summary>
[GenerateSerializer, Alias("ocpp.OcppErrorCode")]
public enum OcppErrorCode
{
    /// <summary>The requested action is not known by the receiver.</summary>
    NotImplemented,

    /// <summary>The requested action is recognized but not supported by the receiver.</summary>
    NotSupported,

    /// <summary>The receiver failed to process an action it understood.</summary>
    InternalError,

    /// <summary>The frame or the payload for the action is incomplete or not OCPP-J.</summary>
    ProtocolError,

    /// <summary>A security issue prevented the receiver from completing the action.</summary>
    SecurityError,

    /// <summary>The payload is syntactically incorrect or does not have the PDU's structure.</summary>
    FormationViolation,

    /// <summary>A field contains a value outside its allowed set, length, format or range.</summary>
    PropertyConstraintViolation,

    /// <summary>A field violates its occurrence constraint (a required field is missing).</summary>
    OccurenceConstraintViolation,

    /// <summary>A field has the wrong JSON data type (for example a string where a number belongs).</summary>
    TypeConstraintViolation,

    /// <summary>Any other error.</summary>
    GenericError,
}
