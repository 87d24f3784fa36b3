using System.Diagnostics.CodeAnalysis;
using Levity.Ocpp.Validation;

namespace Levity.Ocpp.Framing;

/// <summary>What <see cref="OcppFrameParser.Parse"/> returns: a frame, or the reason there is none.</summary>
public readonly struct OcppParseResult
{
    private OcppParseResult(OcppFrame? frame, OcppFrameError? error, OcppTolerance tolerances)
    {
        Frame = frame;
        Error = error;
        Tolerances = tolerances;
    }

    /// <summary>The frame; null when <see cref="Error"/> is set.</summary>
    public OcppFrame? Frame { get; }

    /// <summary>Why the input is not a frame; null when <see cref="Frame"/> is set.</summary>
    public OcppFrameError? Error { get; }

    /// <summary>Frame-level deviations that were tolerated (a CALLERROR without errorDetails).</summary>
    public OcppTolerance Tolerances { get; }

    [MemberNotNullWhen(true, nameof(Frame))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Frame is not null;

    internal static OcppParseResult Success(OcppFrame frame, OcppTolerance tolerances = OcppTolerance.None) => new(frame, null, tolerances);

    internal static OcppParseResult Failure(OcppFrameError error) => new(null, error, OcppTolerance.None);
}
