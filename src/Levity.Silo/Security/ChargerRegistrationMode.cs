namespace Levity.Silo.Security;

/// <summary>--charger-registration: what the handshake does with a charge point id not in the registry.</summary>
public enum ChargerRegistrationMode
{
    /// <summary>Registered at first contact with profile 0 (the Python version's behaviour).</summary>
    Open,

    /// <summary>Refused with HTTP 404 before the upgrade.</summary>
    Known,
}
