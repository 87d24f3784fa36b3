using System.Text.Json.Serialization;

namespace Levity.Grains.Interfaces.LoadManagement;

/// <summary>How Levity can limit a charger's current (by name in the API's JSON).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LimitCapability>))]
public enum LimitCapability
{
    /// <summary>Not asked yet (GetConfiguration is sent when load management first needs it).</summary>
    Unknown,

    /// <summary>SmartCharging: SetChargingProfile (TxProfile, TxDefaultProfile).</summary>
    SmartCharging,

    /// <summary>No SmartCharging, but a per-model adapter sets a vendor configuration key through ChangeConfiguration.</summary>
    ConfigurationKey,

    /// <summary>No way to limit it, or it rejected a limit or failed to answer: its maximum is reserved.</summary>
    Unmanaged,
}
