namespace Levity.Storage.LoadManagement;

/// <summary>
/// What load management needs to know of a charger's wiring: the lowest current it honours
/// (some ignore limits below 7 or 8 A), its maximum, and the phases it is wired to (1 or 3; for a
/// single-phase charger, which one: L1, L2 or L3).
/// </summary>
public sealed record ChargerLoadSettings(string ChargePointId, double MinAmps = ChargerLoadSettings.DefaultMinAmps, double MaxAmps = ChargerLoadSettings.DefaultMaxAmps, int Phases = 3, string? Phase = null)
{
    public const double DefaultMinAmps = 6;

    public const double DefaultMaxAmps = 32;

    /// <summary>Why these settings cannot be stored, or null when they can.</summary>
    public string? Problem() =>
        MinAmps < 0 || double.IsNaN(MinAmps) ? "the minimum must be 0 A or more"
        : !(MaxAmps >= MinAmps) ? "the maximum must be at least the minimum"
        : Phases is not (1 or 3) ? "phases must be 1 or 3"
        : Phases == 1 && Phase is not ("L1" or "L2" or "L3") ? "a single-phase charger needs its phase: L1, L2 or L3"
        : Phases == 3 && Phase is not null ? "only a single-phase charger has a phase"
        : null;
}
