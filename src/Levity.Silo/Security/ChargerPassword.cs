using System.Globalization;
using System.Security.Cryptography;

namespace Levity.Silo.Security;

/// <summary>
/// Charger passwords (OCPP 1.6 security profiles 1 and 2) as bytes: the AuthorizationKey a charger
/// is given is hex, and its Basic header carries the decoded bytes, which may be binary. Only a
/// salted PBKDF2-HMAC-SHA256 record <c>pbkdf2-sha256$iterations$salt$hash</c> is ever stored.
/// </summary>
public static class ChargerPassword
{
    /// <summary>
    /// A verification runs once per connection, not per message; 100,000 iterations cost about a
    /// tenth of a second on a Raspberry Pi 4, so a site's reconnect storm after a restart stays short.
    /// </summary>
    public const int Iterations = 100_000;

    /// <summary>The whitepaper's AuthorizationKey is 16 to 40 bytes; generated passwords are 24.</summary>
    public const int MinBytes = 16;

    public const int MaxBytes = 40;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    // No 0/O, 1/l/I: the operator may have to type it into a charger's web page.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Hash(ReadOnlySpan<byte> password)
    {
        Span<byte> salt = stackalloc byte[SaltBytes];
        RandomNumberGenerator.Fill(salt);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Recomputes the hash with the stored salt and iterations and compares in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> password, string? stored)
    {
        if (stored is null || stored.Split('$') is not [Scheme, var iterationText, var saltText, var hashText]
            || !int.TryParse(iterationText, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        byte[] salt;
        byte[] expected;
        try
        {
            salt = Convert.FromBase64String(saltText);
            expected = Convert.FromBase64String(hashText);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A random printable password of 24 characters (about 139 bits).</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 24);

    /// <summary>The AuthorizationKey value for ChangeConfiguration: the password's bytes as hex.</summary>
    public static string ToAuthorizationKey(ReadOnlySpan<byte> password) => Convert.ToHexString(password);
}
