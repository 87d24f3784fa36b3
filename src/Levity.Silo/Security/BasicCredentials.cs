using System.Text;

namespace Levity.Silo.Security;

/// <summary>
/// An <c>Authorization: Basic</c> header, decoded to bytes (RFC 7617). The user-id ends at the
/// first colon; everything after it, colons included, is the password, kept as bytes because a
/// charger's password is the binary AuthorizationKey.
/// </summary>
public sealed class BasicCredentials
{
    private BasicCredentials(string username, byte[] password)
    {
        Username = username;
        Password = password;
    }

    public string Username { get; }

    public byte[] Password { get; }

    public static bool TryParse(string? header, out BasicCredentials? credentials)
    {
        credentials = null;
        const string Prefix = "Basic ";
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(header[Prefix.Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = Array.IndexOf(decoded, (byte)':');
        if (colon < 0)
        {
            return false;
        }

        credentials = new BasicCredentials(Encoding.UTF8.GetString(decoded, 0, colon), decoded[(colon + 1)..]);
        return true;
    }
}
