namespace Levity.Ocpp.Validation;

/// <summary>What one validation run carries down the schema tree.</summary>
internal struct ValidationState(OcppValidationMode mode)
{
    public readonly bool Strict = mode == OcppValidationMode.Strict;

    public OcppTolerance Tolerances;

    public ValidationFailure? Failure;

    public bool Fail(OcppErrorCode code, string message)
    {
        Failure = new ValidationFailure(code, message);
        return false;
    }

    /// <summary>
    /// Records a tolerated deviation and returns true, or returns false in strict mode. Callers
    /// write <c>state.TryTolerate(x) || state.Fail(code, message)</c>, so the message is only
    /// built when it is needed.
    /// </summary>
    public bool TryTolerate(OcppTolerance tolerance)
    {
        if (Strict)
        {
            return false;
        }

        Tolerances |= tolerance;
        return true;
    }
}
