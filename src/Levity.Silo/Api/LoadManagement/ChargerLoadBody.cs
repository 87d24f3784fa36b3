namespace Levity.Silo.Api.LoadManagement;

/// <summary>PUT /api/chargepoints/{id}/load: minimum and maximum current, phases (1 or 3) and, for one phase, which.</summary>
internal sealed record ChargerLoadBody(double? MinAmps, double? MaxAmps, int? Phases, string? Phase);
