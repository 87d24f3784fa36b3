namespace Levity.Ocpp.Messages;

/// <summary>A charging profile: a schedule of limits with a purpose and a stack level.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.ChargingProfile")]
public sealed record ChargingProfile(
    int ChargingProfileId,
    int StackLevel,
    ChargingProfilePurposeType ChargingProfilePurpose,
    ChargingProfileKindType ChargingProfileKind,
    ChargingSchedule ChargingSchedule,
    int? TransactionId = null,
    RecurrencyKindType? RecurrencyKind = null,
    DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidTo = null);
