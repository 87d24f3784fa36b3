namespace Levity.Storage;

/// <summary>
/// An accepted ClearChargingProfile, as OCPP 1.6 reads it: with <see cref="Id"/> only that profile
/// is cleared (the other fields are ignored); otherwise every active profile matching all the
/// fields given (none given: every profile of the charger).
/// </summary>
public sealed record ChargingProfileClear(int? Id, int? ConnectorId, string? Purpose, int? StackLevel, DateTimeOffset At);
