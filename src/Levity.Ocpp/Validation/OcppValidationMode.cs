namespace Levity.Ocpp.Validation;

/// <summary>How strictly a payload is held to its official schema.</summary>
public enum OcppValidationMode
{
    /// <summary>
    /// The default: harmless deviations (see <see cref="OcppTolerance"/>) are accepted and
    /// reported; everything billing depends on is still checked exactly.
    /// </summary>
    Tolerant,

    /// <summary>The payload must match the schema exactly (<c>--strict-validation</c>).</summary>
    Strict,
}
