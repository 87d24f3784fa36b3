namespace Levity.Silo.Security;

/// <summary>The handshake's settings, from --charger-registration and --tls-client-ca.</summary>
public sealed class ChargerSecurityOptions
{
    public const string Open = "open";
    public const string Known = "known";

    public ChargerRegistrationMode Registration { get; set; } = ChargerRegistrationMode.Open;

    public static bool TryParseRegistration(string? text, out ChargerRegistrationMode mode)
    {
        mode = ChargerRegistrationMode.Open;
        switch (text?.Trim().ToLowerInvariant())
        {
            case Open:
                return true;
            case Known:
                mode = ChargerRegistrationMode.Known;
                return true;
            default:
                return false;
        }
    }
}
