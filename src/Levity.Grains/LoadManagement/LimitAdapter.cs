namespace Levity.Grains.LoadManagement;

/// <summary>
/// A per-model way to limit a charger without SmartCharging: ChangeConfiguration of a vendor key,
/// in amperes times <see cref="Scale"/>, never below <see cref="MinAmps"/> (so it cannot pause).
/// </summary>
public sealed record LimitAdapter(string Name, string Key, double Scale, double MinAmps)
{
    /// <summary>
    /// Grizzl-E Smart v2 advertises only Core,FirmwareManagement and has <c>SetCurrent</c> in mA,
    /// at least 8000 (see /work/shared/research/chargers.md). Whether it obeys is not proven: the
    /// overdraw check finds out.
    /// </summary>
    public static readonly LimitAdapter GrizzlE = new("Grizzl-E SetCurrent", "SetCurrent", 1000, 8);

    /// <summary>The adapter for a vendor and model, or null when there is none.</summary>
    public static LimitAdapter? Find(string? vendor, string? model) =>
        (vendor?.Contains("United Chargers", StringComparison.OrdinalIgnoreCase) ?? false)
        || (model?.Contains("Grizzl", StringComparison.OrdinalIgnoreCase) ?? false)
            ? GrizzlE
            : null;
}
