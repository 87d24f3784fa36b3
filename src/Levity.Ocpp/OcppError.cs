namespace Levity.Ocpp;

/// <summary>
/// Why a frame or payload was refused: the CALLERROR code to answer with and a description that
/// names the offending field, e.g. <c>meterValue[0].sampledValue[1].value: expected a number</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.OcppError")]
public sealed record OcppError(OcppErrorCode Code, string Description)
{
    /// <summary>OCPP-J leaves errorDescription unbounded; we keep ours short enough to log and send.</summary>
    public const int MaxDescriptionLength = 255;

    internal static OcppError Create(OcppErrorCode code, string description) =>
        new(code, Bound(description));

    internal static string Bound(string description) =>
        description.Length <= MaxDescriptionLength ? description : string.Concat(description.AsSpan(0, MaxDescriptionLength - 3), "...");

    public override string ToString() => $"{Code.ToWireName()}: {Description}";
}
