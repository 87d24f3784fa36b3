using Levity.Ocpp.Validation;

namespace Levity.Ocpp.Framing;

/// <summary>Limits the frame parser enforces.</summary>
public sealed record OcppParseOptions
{
    public static OcppParseOptions Default { get; } = new();

    /// <summary>Frames longer than this are refused without being parsed.</summary>
    public int MaxFrameBytes { get; init; } = 1024 * 1024;

    /// <summary>OCPP-J: at most 36 characters.</summary>
    public int MaxMessageIdLength { get; init; } = 36;

    /// <summary>Strict mode refuses frame-level deviations too (a CALLERROR without errorDetails).</summary>
    public OcppValidationMode Mode { get; init; }

    public static OcppParseOptions From(OcppProtocolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new() { MaxFrameBytes = options.MaxFrameBytes, MaxMessageIdLength = options.MaxMessageIdLength, Mode = options.ValidationMode };
    }
}
