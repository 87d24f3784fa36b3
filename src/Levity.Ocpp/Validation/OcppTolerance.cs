namespace Levity.Ocpp.Validation;

/// <summary>
/// Deviations from the official schemas that tolerant mode accepts. Each one is reported so the
/// caller can log it once per charger and count it; strict mode refuses all of them except
/// <see cref="KnownMisspelling"/>, which the official schema itself allows.
/// Never tolerated, in any mode: a wrong type or an out-of-range value for idTag, parentIdTag,
/// connectorId, transactionId, meterStart and meterStop, a sampled value that is not a number
/// (unless its format is SignedData), unknown enum values, missing required fields.
/// </summary>
[Flags]
public enum OcppTolerance
{
    None = 0,

    /// <summary>A property the schema does not define (ignored). Strict: FormationViolation.</summary>
    UnknownProperty = 1 << 0,

    /// <summary>A date-time without a UTC offset, taken as UTC. Strict: PropertyConstraintViolation.</summary>
    TimestampWithoutOffset = 1 << 1,

    /// <summary>A number sent as a JSON string ("42"). Strict: TypeConstraintViolation.</summary>
    NumberAsString = 1 << 2,

    /// <summary>An enum value in the wrong letter case ("charging"), read as the canonical value. Strict: PropertyConstraintViolation.</summary>
    EnumCase = 1 << 3,

    /// <summary>A descriptive string longer than its CiString limit (serial numbers, firmware versions). Strict: PropertyConstraintViolation.</summary>
    OverlongString = 1 << 4,

    /// <summary>A misspelling the spec itself made ("Celcius"), read as the correct value. Valid in both modes.</summary>
    KnownMisspelling = 1 << 5,

    /// <summary>An optional property sent as JSON null, read as absent. Strict: TypeConstraintViolation.</summary>
    NullValue = 1 << 6,

    /// <summary>A sampled value sent as a bare JSON number instead of a string. Strict: TypeConstraintViolation.</summary>
    BareNumberValue = 1 << 7,

    /// <summary>An empty array where the schema wants at least one item (a MeterValue without samples). Strict: OccurenceConstraintViolation.</summary>
    EmptyArray = 1 << 8,

    /// <summary>A decimal that is not a multiple of the schema's step (a limit of 7.25 where 0.1 steps are required). Strict: PropertyConstraintViolation.</summary>
    NumberPrecision = 1 << 9,

    /// <summary>A CALLERROR frame without its errorDetails element (read as {}). Strict: ProtocolError.</summary>
    MissingErrorDetails = 1 << 10,
}
