using System.Diagnostics.CodeAnalysis;
using Levity.Ocpp.Validation;

namespace Levity.Ocpp.Serialization;

/// <summary>A typed payload, or the CALLERROR it deserves; plus the tolerances it needed.</summary>
public readonly struct OcppReadResult<T>
    where T : class
{
    internal OcppReadResult(T? value, OcppError? error, OcppTolerance tolerances)
    {
        Value = value;
        Error = error;
        Tolerances = tolerances;
    }

    public T? Value { get; }

    public OcppError? Error { get; }

    /// <summary>Deviations accepted in tolerant mode; report them through an <see cref="Validation.OcppToleranceTracker"/>.</summary>
    public OcppTolerance Tolerances { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Value is not null;

    internal static OcppReadResult<T> Failure(OcppError error) => new(null, error, OcppTolerance.None);
}
